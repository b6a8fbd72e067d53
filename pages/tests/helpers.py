"""Helpers for tests of the programme pages: a page added through the admin, as an editor adds one."""


def add_page_in_admin(admin_client, *, slug: str, title: str, body: str, language: str = "en"):
    """POST the admin's add form for a published page written in `language`; the response must redirect."""
    response = admin_client.post(
        f"/admin/pages/page/add/?language={language}",
        {
            "title": title,
            "summary": "",
            "body": body,
            "slug": slug,
            "menu_order": 0,
            "source_language": language,
            "status": "published",
            "publish_at_0": "2017-01-01",
            "publish_at_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()
    return response
