"""Public views of the feedback section: the form, the status page and the statistics."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from core import cache as page_cache
from core.cache import visitor_placeholder
from feedback import services
from feedback.forms import ReportForm
from feedback.models import Report
from feedback.statistics import public_statistics
from feedback.tokens import form_stamp
from openkrakow.middleware import client_ip


def report_form(request):
    """Store first, then confirm; spam and rate limits get a plain explanation, never a bare error."""
    if request.method == "POST":
        form = ReportForm(request.POST)
        ip = client_ip(request)
        # The same form sent again is answered with its report, not counted as another attempt.
        repeat = form.is_valid() and services.repeated_report(
            idempotency_key=form.cleaned_data["idempotency_key"],
            category=form.category_object(),
            message=form.cleaned_data["message"],
            place=form.cleaned_data["place"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
        )
        if not repeat and services.over_rate_limit(ip=ip, email=request.POST.get("email", "").strip()):
            return render(request, "feedback/try_later.html", status=429)
        if form.is_valid():
            data = form.cleaned_data
            try:
                report = services.submit_report(
                    idempotency_key=data["idempotency_key"],
                    category=form.category_object(),
                    message=data["message"],
                    place=data["place"],
                    name=data["name"],
                    email=data["email"],
                    language=translation.get_language(),
                    client_ip=ip,
                    flag_reason=form.flag_reason(),
                    spam=form.is_honeypot(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if report.state == Report.State.SPAM:
                    return render(request, "feedback/thanks.html")
                return HttpResponseRedirect(report.get_status_url() + "?new=1")
        # Keep what was typed; a fresh stamp lets the corrected form through.
        form.data = form.data.copy()
        form.data["stamp"] = form_stamp()
        return render(request, "feedback/index.html", {"form": form}, status=400)
    # The blank form is the same for everybody but for its token, time-stamp and key: kept by the page cache and
    # filled in for each visitor (see urls.py).
    return page_cache.render_with_visitor_values(
        request,
        "feedback/index.html",
        lambda: {
            "form": ReportForm(
                initial={"stamp": visitor_placeholder("stamp"), "idempotency_key": visitor_placeholder("key")}
            )
        },
    )


@never_cache  # reached by a secret token: kept by no cache, shared or the browser's
def report_status(request, token):
    report = Report.objects.for_status_token(token)
    if report is None:
        raise Http404
    return render(
        request,
        "feedback/status.html",
        {"report": report, "events": report.events.all(), "new": request.GET.get("new") == "1"},
    )


class StatisticsView(TemplateView):
    template_name = "feedback/statistics.html"

    def get_context_data(self, **kwargs):
        statistics = public_statistics()
        return super().get_context_data(charts=statistics.charts, total=statistics.total, **kwargs)
