"""URLs of the programme pages, news, documents, contacts and search, under the language prefix."""

from django.urls import path

from core.cache import shared_page
from pages import views

app_name = "pages"

urlpatterns = [
    path("", shared_page(views.HomeView.as_view()), name="home"),
    path("news/", shared_page(views.NewsListView.as_view()), name="news_list"),
    path("news/feed/", shared_page(views.NewsFeed()), name="news_feed"),
    path("news/<slug:slug>/", shared_page(views.NewsDetailView.as_view()), name="news_detail"),
    path("documents/", shared_page(views.DocumentListView.as_view()), name="documents"),
    path("contacts/", shared_page(views.ContactsView.as_view()), name="contacts"),
    # Search is not cached: every query would be a page of its own.
    path("search/", views.SearchView.as_view(), name="search"),
    # Last, so that the sections above are never taken for a page's slug.
    path("<path:path>/", shared_page(views.PageView.as_view()), name="page"),
]
