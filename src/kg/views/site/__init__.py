"""The site for viewers: one static page per person, event, institution, paper, talk and source.

``kg.views.site.build.site_files`` turns a store into the site's files (paths and bytes); the
command line chooses where they go. Pages link to each other by relative paths, so the site
opens from disk with no network; the entity ``https://w3id.org/kg/id/<kind>/<id>`` has the page
``<kind>/<id>.html`` (``kg.views.site.paths``).
"""
