from django.urls import path

from nextround.network import views

app_name = "network"

urlpatterns = [
    path("", views.contact_list, name="contacts"),
    path("new/", views.contact_create, name="contact_create"),
    path("<int:contact_id>/", views.contact_detail, name="contact"),
    path("<int:contact_id>/edit/", views.contact_edit, name="contact_edit"),
    path("<int:contact_id>/delete/", views.contact_delete, name="contact_delete"),
]
