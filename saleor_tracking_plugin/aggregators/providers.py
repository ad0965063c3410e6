"""The aggregator webhook formats the plugin reads, by the name in their endpoint's URL."""

from .aftership.parser import AfterShip
from .base import Provider
from .easypost.parser import EasyPost

PROVIDERS: dict[str, Provider] = {"aftership": AfterShip(), "easypost": EasyPost()}
