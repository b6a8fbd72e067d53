"""Programme pages: the editorial content about Open Kraków, and the site-wide pieces around it."""
