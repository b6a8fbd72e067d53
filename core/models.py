"""Site-wide data that belongs to no feature: what each staff member prefers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserLanguage(models.Model):
    """The language a person wants the admin (and their e-mails) in, whatever their browser says."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="preferred_language"
    )
    language = models.CharField(_("language of the admin"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("preferred language")
        verbose_name_plural = _("preferred languages")

    def __str__(self):
        return f"{self.user} · {self.get_language_display()}"
