"""Whether the learner can see a widget now: keys act on what is in view, or bring it there."""

from __future__ import annotations

from textual.widget import Widget


def in_view(widget: Widget) -> bool:
    """True when all of `widget` is on screen, or as much of it as the view can hold.

    Textual keeps a scrolled-away widget's region (it lies outside its container's), so what
    can be seen is what is left after cutting it to every container's inner region. Half an
    answer at the bottom edge is not in view yet: ↓ first scrolls the rest of it in.
    """
    region = widget.region
    if region.area == 0:
        return False
    seen = region
    room = region.height
    for ancestor in widget.ancestors:
        if isinstance(ancestor, Widget):
            inner = ancestor.scrollable_content_region
            seen = seen.intersection(inner)
            room = min(room, inner.height)
    return seen == region or (seen.area > 0 and seen.height >= room)
