"""URLs of the programme pages, news, documents and contacts, under the language prefix."""

from django.urls import path

from core.cache import cacheable
from pages import views

app_name = "pages"

# What the pages show, for the page cache (core.cache.cacheable): a save of any of these drops them. The home page
# announces the conference.
HOME = ["pages.Page", "pages.NewsEntry", "conference.Conference", "conference.Day"]
NEWS = ["pages.NewsEntry"]

urlpatterns = [
    path("", cacheable(views.HomeView.as_view(), shows=HOME), name="home"),
    path("news/", cacheable(views.NewsListView.as_view(), shows=NEWS, query=["page"]), name="news_list"),
    path("news/feed/", cacheable(views.NewsFeed(), shows=NEWS), name="news_feed"),
    path("news/<slug:slug>/", cacheable(views.NewsDetailView.as_view(), shows=NEWS), name="news_detail"),
    path("documents/", cacheable(views.DocumentListView.as_view(), shows=["pages.Document"]), name="documents"),
    path("contacts/", cacheable(views.ContactsView.as_view()), name="contacts"),
    # Last, so that the sections above are never taken for a page's slug.
    path("<path:path>/", cacheable(views.PageView.as_view(), shows=["pages.Page"]), name="page"),
]
