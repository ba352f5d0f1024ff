from . import main
from . import basvuru_public
