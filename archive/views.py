"""Placeholder views; the public site is built in the "Public website" issue."""

from django.views.generic import DetailView, ListView, TemplateView

from .models import Adaptation, Award, Film, Person


class HomeView(TemplateView):
    template_name = "archive/home.html"


class FilmListView(ListView):
    model = Film


class FilmDetailView(DetailView):
    model = Film


class PersonListView(ListView):
    model = Person


class PersonDetailView(DetailView):
    model = Person


class AdaptationListView(ListView):
    model = Adaptation


class AwardListView(ListView):
    model = Award
