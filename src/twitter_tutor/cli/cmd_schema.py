"""`twitter-tutor schema`: JSON Schema of the front matter and of each exercise type."""

from __future__ import annotations

import argparse

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.output import print_json


def register(parser: argparse.ArgumentParser) -> None:
    # Only `schema` itself registers its options, so the models load for this command alone.
    from twitter_tutor.content.models import EXERCISE_TYPES

    parser.add_argument(
        "part",
        nargs="?",
        choices=["front-matter", *EXERCISE_TYPES],
        help="print only this part (default: all)",
    )


def schemas() -> dict[str, object]:
    from twitter_tutor.content.models import EXERCISE_MODELS, FrontMatter

    return {
        "front_matter": FrontMatter.model_json_schema(),
        "exercises": {name: model.model_json_schema() for name, model in EXERCISE_MODELS.items()},
    }


def run(args: argparse.Namespace, ctx: Context) -> int:
    from twitter_tutor.content.models import EXERCISE_MODELS, FrontMatter

    if args.part == "front-matter":
        print_json(FrontMatter.model_json_schema())
    elif args.part:
        print_json(EXERCISE_MODELS[args.part].model_json_schema())
    else:
        print_json(schemas())
    return 0
