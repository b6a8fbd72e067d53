"""URLs of the programme pages, news, documents, contacts and search, under the language prefix."""

from django.urls import path

from pages import views

app_name = "pages"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.NewsListView.as_view(), name="news_list"),
    path("news/feed/", views.NewsFeed(), name="news_feed"),
    path("news/<slug:slug>/", views.NewsDetailView.as_view(), name="news_detail"),
    path("documents/", views.DocumentListView.as_view(), name="documents"),
    path("contacts/", views.ContactsView.as_view(), name="contacts"),
    path("search/", views.SearchView.as_view(), name="search"),
    # Last, so that the sections above are never taken for a page's slug.
    path("<path:path>/", views.PageView.as_view(), name="page"),
]
