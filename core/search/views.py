"""The site search page, at /<lang>/search/?q=…, with ?type= to keep one kind and ?page= to page on."""

from django.utils.translation import get_language
from django.views.generic import TemplateView

from core.search.forms import SearchForm
from core.search.query import search


class SearchView(TemplateView):
    template_name = "core/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        results = None
        if form.is_valid():
            results = search(
                form.cleaned_data["q"],
                language=get_language(),
                kind=self.request.GET.get("type"),
                page=self.request.GET.get("page", 1),
            )
        return super().get_context_data(form=form, results=results, **kwargs)
