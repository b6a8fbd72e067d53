"""URLs of the programme pages, news, documents and contacts, under the language prefix."""

from django.urls import path

from core.cache import cacheable
from pages import views

app_name = "pages"

urlpatterns = [
    path("", cacheable(views.HomeView.as_view()), name="home"),
    path("news/", cacheable(views.NewsListView.as_view()), name="news_list"),
    path("news/feed/", cacheable(views.NewsFeed()), name="news_feed"),
    path("news/<slug:slug>/", cacheable(views.NewsDetailView.as_view()), name="news_detail"),
    path("documents/", cacheable(views.DocumentListView.as_view()), name="documents"),
    path("contacts/", cacheable(views.ContactsView.as_view()), name="contacts"),
    # Last, so that the sections above are never taken for a page's slug.
    path("<path:path>/", cacheable(views.PageView.as_view()), name="page"),
]
