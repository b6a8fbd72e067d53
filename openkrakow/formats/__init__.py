"""Date formats that read naturally in each of the site's languages (FORMAT_MODULE_PATH).

Only what differs from Django's own formats is here; everything else comes from django.conf.locale.
"""
