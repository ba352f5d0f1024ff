from . import main
from . import basvuru_public
from . import open311
from . import leaflet
