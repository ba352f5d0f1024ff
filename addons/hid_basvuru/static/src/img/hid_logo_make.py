# Copyright 2026 Sancaktepe Belediyesi
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Draws hid_logo.png, HİD's own text logo (the name in the municipality's colours), used
until the municipality uploads its own. Run from addons/hid_basvuru with var/venv's Python."""
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
W, H = 720, 200
img = Image.new("RGBA", (W, H), (255, 255, 255, 0))
draw = ImageDraw.Draw(img)
blue, green = (0, 83, 159, 255), (46, 154, 72, 255)
draw.ellipse((14, 24, 166, 176), outline=blue, width=14)
draw.pieslice((46, 56, 134, 144), 200, 340, fill=green)
draw.rectangle((84, 96, 96, 150), fill=blue)
draw.text((190, 18), "Sancaktepe", font=ImageFont.truetype(FONT, 76), fill=blue)
draw.text((194, 112), "BELEDİYESİ", font=ImageFont.truetype(FONT, 44), fill=green)
img = img.crop((0, 0, min(W, img.getbbox()[2] + 14), H))
img.save("static/src/img/hid_logo.png", optimize=True)
