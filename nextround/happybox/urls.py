from django.urls import path

from nextround.happybox import views

app_name = "happybox"

urlpatterns = [
    path("", views.item_list, name="items"),
    path("open/", views.open_box, name="open"),
    path("new/", views.item_create, name="item_create"),
    path("<int:item_id>/", views.item_detail, name="item"),
    path("<int:item_id>/edit/", views.item_edit, name="item_edit"),
    path("<int:item_id>/delete/", views.item_delete, name="item_delete"),
    path("<int:item_id>/file/", views.item_file, name="item_file"),
    path("<int:item_id>/thumbnail/", views.item_thumbnail, name="item_thumbnail"),
]
