"""The admin page "Personal data of an address": one JSON file with everything every app holds for an e-mail
address, or the erasure of it (core.personal_data). For staff who may see, or erase, every part."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import personal_data


class AddressForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    confirm = forms.BooleanField(
        label=_("I confirm: erase the personal data of this address in every part of the site."), required=False
    )


def download(email: str) -> HttpResponse:
    response = HttpResponse(personal_data.export_json(email), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="personal-data-{timezone.localdate():%Y-%m-%d}.json"'
    return response


def erased_message(counts: dict[str, int]) -> str:
    labels = {holder.key: holder.label for holder in personal_data.holders()}
    parts = ", ".join(f"{labels[key]}: {count}" for key, count in counts.items())
    return gettext("Personal data erased or anonymised (%(parts)s).") % {"parts": parts}


def personal_data_view(request, admin_site):
    if not personal_data.can_export(request.user):
        raise PermissionDenied
    may_erase = personal_data.can_erase(request.user)
    form = AddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if "erase" not in request.POST:
            return download(email)
        if not may_erase:
            raise PermissionDenied
        if form.cleaned_data["confirm"]:
            messages.success(request, erased_message(personal_data.erase_for_email(email)))
            return redirect("admin:personal_data")
        form.add_error("confirm", _("Tick the box to confirm the erasure."))
    context = {
        **admin_site.each_context(request),
        "title": _("Personal data of an address"),
        "form": form,
        "may_erase": may_erase,
        "sections": [holder.label for holder in personal_data.holders()],
    }
    return TemplateResponse(request, "admin/personal_data.html", context)
