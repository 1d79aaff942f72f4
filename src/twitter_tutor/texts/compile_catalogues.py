"""Compile every catalogue after editing a `.po` file:
`python -m twitter_tutor.texts.compile_catalogues`.

Writes `catalogues/<lang>.json` beside each `catalogues/<lang>.po` (see `catalog`): the form the
tutor reads at start, used only while it matches its `.po` file.
"""

from __future__ import annotations

from twitter_tutor.texts import catalog


def main() -> None:
    for po in sorted(catalog.FOLDER.glob("*.po")):
        target = catalog.compiled_path(po)
        target.write_text(catalog.compiled_text(po, po.stem), "utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
