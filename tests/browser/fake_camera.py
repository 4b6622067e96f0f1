"""A video file Chromium plays as the camera (`--use-file-for-fake-video-capture`): a still
image, e.g. the QR code attached to a confirmation email, held in front of the lens."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

WIDTH, HEIGHT = 640, 480


def write_y4m(png: bytes, path: Path, frames: int = 10) -> Path:
    """A Y4M (YUV 4:2:0) video of `png` centred on a white frame."""
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    side = min(WIDTH, HEIGHT) - 40
    picture = picture.resize((side, side), Image.NEAREST)
    canvas = Image.new("RGB", (WIDTH, HEIGHT), "white")
    canvas.paste(picture, ((WIDTH - side) // 2, (HEIGHT - side) // 2))
    y, cb, cr = canvas.convert("YCbCr").split()
    half = (WIDTH // 2, HEIGHT // 2)
    frame = y.tobytes() + cb.resize(half).tobytes() + cr.resize(half).tobytes()
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode("ascii"))
        for _ in range(frames):
            out.write(b"FRAME\n" + frame)
    return path
