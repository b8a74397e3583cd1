"""Pages that look across every area: Today, Insights, Settings, the demo, export and import.

Each area offers its part through one small named function (``today_context``,
``settings_context``, ``timeline_entries``, ``add_demo_chapter``); this app
composes them and is the only place allowed to know about all of them.
"""
