"""Public views of the feedback section: the form, the status page and the statistics."""

import uuid

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import get_language_info
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from core import cache as page_cache
from core.cache import visitor_placeholder
from core.fallback import field_label
from feedback import services
from feedback.forms import ReportForm
from feedback.models import Category, Report
from feedback.tokens import form_stamp
from openkrakow.middleware import client_ip

SUPPRESS_BELOW = 3


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
    # The blank form is the same for everybody but for its token, time-stamp and key: rendered once, filled in.
    return page_cache.render_with_visitor_values(
        request,
        "feedback/index.html",
        lambda: {
            "form": ReportForm(
                initial={"stamp": visitor_placeholder("stamp"), "idempotency_key": visitor_placeholder("key")}
            )
        },
        fill={"stamp": form_stamp, "key": uuid.uuid4},
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


def _suppressed(rows, label):
    """Counts for the charts; any count under three is hidden so that nobody can be recognised."""
    top = max([row["count"] for row in rows] or [1])
    return [
        {
            "label": label(row),
            "count": row["count"] if row["count"] >= SUPPRESS_BELOW else None,
            "width": round(100 * row["count"] / top) if row["count"] >= SUPPRESS_BELOW else 0,
        }
        for row in rows
    ]


class StatisticsView(TemplateView):
    template_name = "feedback/statistics.html"

    def get_context_data(self, **kwargs):
        reports = Report.objects.public()
        categories = {c.pk: field_label(c, "name") for c in Category.objects.all()}
        # Ties in a fixed order, so that the page reads the same on every request.
        by_category = reports.values("category").annotate(count=Count("id")).order_by("-count", "category")
        by_language = reports.values("language").annotate(count=Count("id")).order_by("-count", "language")
        by_month = reports.annotate(month=TruncMonth("created_at")).values("month").annotate(count=Count("id"))
        charts = [
            ("category", _suppressed(list(by_category), lambda row: categories[row["category"]])),
            (
                "language",
                _suppressed(list(by_language), lambda row: str(get_language_info(row["language"])["name_translated"])),
            ),
            ("month", _suppressed(list(by_month.order_by("month")), lambda row: row["month"])),
        ]
        # With a hidden cell, the total minus the shown cells would reveal it: then the total is not shown.
        suppressed = any(row["count"] is None for _kind, rows in charts for row in rows)
        return super().get_context_data(charts=charts, total=None if suppressed else reports.count(), **kwargs)
