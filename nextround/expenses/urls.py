from django.urls import path

from nextround.expenses import views

app_name = "expenses"

urlpatterns = [
    path("", views.expense_list, name="expenses"),
    path("new/", views.expense_create, name="expense_create"),
    path("<int:expense_id>/edit/", views.expense_edit, name="expense_edit"),
    path("<int:expense_id>/delete/", views.expense_delete, name="expense_delete"),
    path("<int:expense_id>/receipt/", views.receipt, name="receipt"),
    path("claim/<int:interview_id>/", views.claim, name="claim"),
    path("claim/<int:interview_id>/send/", views.claim_send, name="claim_send"),
    path("claim/<int:interview_id>/asked/", views.claim_asked, name="claim_asked"),
]
