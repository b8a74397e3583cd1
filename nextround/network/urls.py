from django.urls import path

from nextround.network.views import contacts, interviews, keeping_in_touch, panel, vcards

app_name = "network"

urlpatterns = [
    path("", contacts.contact_list, name="contacts"),
    path("new/", contacts.contact_create, name="contact_create"),
    path("contacts.vcf", vcards.contacts_vcard, name="contacts_vcard"),
    path("import/", vcards.contacts_import, name="contacts_import"),
    path("<int:contact_id>/", contacts.contact_detail, name="contact"),
    path("<int:contact_id>/edit/", contacts.contact_edit, name="contact_edit"),
    path("<int:contact_id>/delete/", contacts.contact_delete, name="contact_delete"),
    path("<int:contact_id>/contact.vcf", vcards.contact_vcard, name="contact_vcard"),
    path(
        "<int:contact_id>/interactions/",
        keeping_in_touch.interaction_add,
        name="interaction_add",
    ),
    path(
        "<int:contact_id>/interactions/<int:interaction_id>/delete/",
        keeping_in_touch.interaction_delete,
        name="interaction_delete",
    ),
    path(
        "<int:contact_id>/follow-up/",
        keeping_in_touch.follow_up_set,
        name="follow_up",
    ),
    path(
        "<int:contact_id>/connections/",
        keeping_in_touch.connection_set,
        name="connection_set",
    ),
    path(
        "<int:contact_id>/note/",
        keeping_in_touch.connection_note_save,
        name="connection_note",
    ),
]

# Joins the "playbook" namespace under /plan/: the panel on a connect_panel step.
playbook_patterns = [
    path(
        "actions/<int:action_id>/panel/<int:contact_id>/",
        panel.panel_connection,
        name="panel_connection",
    ),
]

# Adding and editing an interview: its panel is made of contacts, and the
# plan follows its promised decision. Paths and "jobs:" names as before;
# nextround/urls.py adds them to that namespace.
jobs_patterns = [
    path("interviews/new/", interviews.interview_create, name="interview_create"),
    path(
        "interviews/<int:interview_id>/edit/",
        interviews.interview_edit,
        name="interview_edit",
    ),
]
