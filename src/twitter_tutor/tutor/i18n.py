"""Every string of the interface, in English and German.

Lesson content and grading feedback come in the lesson's own language; this module covers the
rest (buttons, labels, keys, notifications), so a German learner never meets an English button.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from twitter_tutor.types import Lang

# key -> (English, German). Placeholders use str.format names.
_STRINGS: dict[str, tuple[str, str]] = {
    # app-wide
    "app.title": ("Twitter Tutor", "Twitter-Tutor"),
    "app.loading": ("Loading the lessons…", "Lade die Lektionen…"),
    "app.load_failed": (
        "The lessons could not be loaded: {error}",
        "Die Lektionen konnten nicht geladen werden: {error}",
    ),
    "app.too_small": (
        "Please enlarge the terminal to at least {width}x{height} (now {now}).",
        "Bitte vergrößere das Terminal auf mindestens {width}x{height} (jetzt {now}).",
    ),
    "app.reloaded": ("Reloaded {name}", "{name} neu geladen"),
    "app.reloaded_broken": (
        "{name} has a problem now: {problem}",
        "{name} hat jetzt ein Problem: {problem}",
    ),
    "app.removed": ("{name} was removed", "{name} wurde entfernt"),
    "app.store_error": ("Progress not saved: {error}", "Fortschritt nicht gespeichert: {error}"),
    "app.store_damaged": (
        "Some saved progress could not be read; the rest is shown. {detail}",
        "Ein Teil des gespeicherten Fortschritts ist unlesbar; der Rest wird gezeigt. {detail}",
    ),
    "app.missing_folder": (
        "Lesson folder not found: {folder}",
        "Lektionsordner nicht gefunden: {folder}",
    ),
    "app.unreadable_folder": (
        "Lesson folder cannot be read (permission denied): {folder}",
        "Lektionsordner kann nicht gelesen werden (keine Berechtigung): {folder}",
    ),
    "app.memory_store": (
        "{error} Your progress will NOT be kept after you quit.",
        "{error} Dein Fortschritt wird nach dem Beenden NICHT aufbewahrt.",
    ),
    "app.lang_switched": ("Language: English", "Sprache: Deutsch"),
    # keys (footer and help)
    "key.quit": ("Quit", "Beenden"),
    "key.help": ("Help", "Hilfe"),
    "key.palette": ("Commands", "Befehle"),
    "key.theme": ("Light/dark", "Hell/Dunkel"),
    "key.back": ("Course map", "Kursübersicht"),
    "key.leave_box": ("Leave text box", "Textfeld verlassen"),
    "key.next": ("Next", "Weiter"),
    "key.previous": ("Back", "Zurück"),
    "key.review": ("Review", "Rückblick"),
    "key.language": ("Deutsch", "English"),
    "key.submit": ("Check", "Prüfen"),
    "key.close": ("Close", "Schließen"),
    "key.toggle": ("Select", "Auswählen"),
    # command palette
    "cmd.placeholder": (
        "Jump to a lesson or run a command…",
        "Zu einer Lektion springen oder Befehl…",
    ),
    "cmd.lesson": ("Lesson {order}: {title}", "Lektion {order}: {title}"),
    "cmd.lesson_help": ("Open this lesson", "Diese Lektion öffnen"),
    "cmd.home": ("Course map", "Kursübersicht"),
    "cmd.home_help": ("Back to the list of lessons", "Zurück zur Liste der Lektionen"),
    "cmd.review": ("Review my progress", "Meinen Fortschritt ansehen"),
    "cmd.review_help": ("Scores, attempts and completion", "Punkte, Versuche und Abschluss"),
    "cmd.theme": ("Switch light/dark theme", "Helles/dunkles Design umschalten"),
    "cmd.theme_help": (
        "Toggle between a light and a dark look",
        "Zwischen hell und dunkel wechseln",
    ),
    "cmd.language": ("Deutsch: Oberfläche auf Deutsch", "English: switch the interface to English"),
    "cmd.language_help": ("Sprache wechseln", "Change the language"),
    "cmd.help": ("Keys and help", "Tasten und Hilfe"),
    "cmd.help_help": ("Which key does what", "Welche Taste was tut"),
    "cmd.quit": ("Quit", "Beenden"),
    "cmd.quit_help": ("Your progress is already saved", "Dein Fortschritt ist schon gespeichert"),
    # course map
    "home.welcome": (
        "Welcome! This tutor teaches you to tweet well, one short lesson at a time. "
        "Press Enter to start.",
        "Willkommen! Dieser Tutor bringt dir in kurzen Lektionen bei, gut zu twittern. "
        "Drück Enter, um zu starten.",
    ),
    "home.welcome_back": (
        "Welcome back! {done} of {total} lessons completed.",
        "Willkommen zurück! {done} von {total} Lektionen abgeschlossen.",
    ),
    "home.start": ("▶ Start: {title}", "▶ Starten: {title}"),
    "home.continue": (
        "▶ Continue: {title} · step {step}/{steps}",
        "▶ Weiter: {title} · Schritt {step}/{steps}",
    ),
    "home.next_lesson": ("▶ Continue with: {title}", "▶ Weiter mit: {title}"),
    "home.all_done": ("✓ Course completed. Open the review", "✓ Kurs abgeschlossen. Zum Rückblick"),
    "home.no_lessons": (
        "No lessons found. Add lesson files to a folder and pass it with --lessons DIR.",
        "Keine Lektionen gefunden. Lege Lektionsdateien in einen Ordner und gib ihn "
        "mit --lessons DIR an.",
    ),
    "home.lessons": ("Lessons", "Lektionen"),
    "home.minutes": ("{minutes} min", "{minutes} Min."),
    "home.not_started": ("not started", "nicht begonnen"),
    "home.completed": ("✓ completed", "✓ abgeschlossen"),
    "home.best": ("best {score}", "beste {score}"),
    "home.broken": ("⚠ broken: {problem}", "⚠ fehlerhaft: {problem}"),
    "home.broken_notice": (
        "This lesson cannot be opened:\n{problems}",
        "Diese Lektion lässt sich nicht öffnen:\n{problems}",
    ),
    "home.other_lang": ("(only in {language})", "(nur auf {language})"),
    # lesson
    "lesson.step": ("Step {step} of {steps}", "Schritt {step} von {steps}"),
    "lesson.previous": ("← Back", "← Zurück"),
    "lesson.next": ("Next →", "Weiter →"),
    "lesson.finish": ("Finish ✓", "Abschließen ✓"),
    "lesson.gone": (
        "This lesson has a problem now; fix it and it comes back here:\n{problem}",
        "Diese Lektion hat jetzt ein Problem; sobald es behoben ist, "
        "geht es hier weiter:\n{problem}",
    ),
    # summary
    "summary.title": ("Lesson completed: {title}", "Lektion abgeschlossen: {title}"),
    "summary.score": ("Lesson score: {score}/100", "Punkte für die Lektion: {score}/100"),
    "summary.no_exercises": ("This lesson has no exercises.", "Diese Lektion hat keine Übungen."),
    "summary.exercise": ("{mark} {id}: best {score}/100", "{mark} {id}: beste {score}/100"),
    "summary.not_tried": ("· {id}: not tried", "· {id}: nicht versucht"),
    "summary.next": ("Next lesson: {title}", "Nächste Lektion: {title}"),
    "summary.home": ("Course map", "Kursübersicht"),
    "summary.saved": ("Saved.", "Gespeichert."),
    # exercises
    "ex.submit": ("Check answer", "Antwort prüfen"),
    "ex.submit_again": ("Check again", "Nochmal prüfen"),
    "ex.saved": ("✓ saved", "✓ gespeichert"),
    "ex.not_saved": ("not saved (see notification)", "nicht gespeichert (siehe Meldung)"),
    "ex.choose_one": ("Choose one answer.", "Wähle eine Antwort."),
    "ex.choose_many": ("Choose every right answer.", "Wähle alle richtigen Antworten."),
    "ex.pick_hint": (
        "Space or click selects a card; ↑/↓ move between cards.",
        "Leertaste oder Klick wählt eine Karte; ↑/↓ wechseln die Karte.",
    ),
    "ex.nothing_chosen": (
        "Choose at least one answer first.",
        "Wähle zuerst mindestens eine Antwort.",
    ),
    "ex.empty_tweet": ("Write your tweet first.", "Schreib zuerst deinen Tweet."),
    "ex.empty_plan": ("Write at least one tweet first.", "Schreib zuerst mindestens einen Tweet."),
    "ex.your_choice": ("your choice", "deine Wahl"),
    "ex.should_pick": ("Worth picking.", "Gute Wahl."),
    "ex.should_skip": ("Better left out.", "Besser weglassen."),
    "ex.right": ("✓", "✓"),
    "ex.wrong": ("✗", "✗"),
    "ex.hint": ("Tip: {hint}", "Tipp: {hint}"),
    "ex.checklist": ("While you type", "Während du schreibst"),
    "ex.preview": ("Preview", "Vorschau"),
    "ex.tweet_n": ("Tweet {number}", "Tweet {number}"),
    "ex.mix": ("Mix so far", "Mischung bisher"),
    "ex.mix_promotional": ("promotional", "werblich"),
    "ex.mix_personal": ("personal", "persönlich"),
    "ex.mix_conversational": ("conversational", "im Gespräch"),
    "ex.mix_informative": ("informative", "informativ"),
    "ex.mix_max": ("≤{limit}", "≤{limit}"),
    "ex.mix_min": ("≥{limit}", "≥{limit}"),
    "ex.tweet_ok": ("every check passed", "alle Prüfungen bestanden"),
    "ex.history": ("Your attempts ({count})", "Deine Versuche ({count})"),
    "ex.replying_to": ("Replying to / quoting:", "Antwort auf / Zitat von:"),
    "ex.followers": ("{count} followers", "{count} Follower"),
    "ex.selected": ("[x]", "[x]"),
    "ex.unselected": ("[ ]", "[ ]"),
    "ex.grade_error": (
        "This answer could not be checked: {error}",
        "Diese Antwort ließ sich nicht prüfen: {error}",
    ),
    # review
    "review.title": ("Your progress", "Dein Fortschritt"),
    "review.completion": (
        "{done} of {total} lessons completed ({percent}%)",
        "{done} von {total} Lektionen abgeschlossen ({percent} %)",
    ),
    "review.chart": ("Scores over time ({count} attempts)", "Punkte im Verlauf ({count} Versuche)"),
    "review.no_attempts": (
        "No practice attempts yet. Answer an exercise in a lesson and it shows up here.",
        "Noch keine Übungsversuche. Beantworte eine Übung in einer Lektion, "
        "dann erscheint sie hier.",
    ),
    "review.best": ("Best score per lesson", "Beste Punktzahl je Lektion"),
    "review.attempts": ("Every attempt", "Alle Versuche"),
    "review.col_lesson": ("Lesson", "Lektion"),
    "review.col_state": ("State", "Stand"),
    "review.col_best": ("Best", "Beste"),
    "review.col_date": ("Date", "Datum"),
    "review.col_exercise": ("Exercise", "Übung"),
    "review.col_score": ("Score", "Punkte"),
    "review.col_answer": ("Answer", "Antwort"),
    "review.state_not_started": ("not started", "nicht begonnen"),
    "review.state_in_progress": ("in progress", "begonnen"),
    "review.state_completed": ("completed", "abgeschlossen"),
    # help
    "help.title": ("Keys", "Tasten"),
    "help.intro": (
        "Everything works with the keyboard; the mouse works too. Your answers are saved the "
        "moment you check them, so you can quit at any time and continue later.",
        "Alles geht mit der Tastatur, die Maus geht auch. Deine Antworten werden gespeichert, "
        "sobald du sie prüfst; du kannst jederzeit beenden und später weitermachen.",
    ),
    "help.keys": (
        "Tab / Shift+Tab: next / previous field\n"
        "Enter: press a button, open a lesson\n"
        "→ or n / ← or p: next / previous step (outside a text box)\n"
        "Space: select an answer or a card\n"
        "Ctrl+S: check your answer\n"
        "Escape: leave a text box; outside one, back to the course map\n"
        "Ctrl+P: jump to a lesson, switch language or theme\n"
        "Ctrl+T: light/dark theme\n"
        "? or F1: this help · Ctrl+Q: quit",
        "Tab / Umschalt+Tab: nächstes / voriges Feld\n"
        "Enter: Knopf drücken, Lektion öffnen\n"
        "→ oder n / ← oder p: nächster / voriger Schritt (außerhalb eines Textfelds)\n"
        "Leertaste: Antwort oder Karte auswählen\n"
        "Strg+S: Antwort prüfen\n"
        "Escape: Textfeld verlassen; sonst zurück zur Kursübersicht\n"
        "Strg+P: zu einer Lektion springen, Sprache oder Design wechseln\n"
        "Strg+T: helles/dunkles Design\n"
        "? oder F1: diese Hilfe · Strg+Q: beenden",
    ),
    "help.screen_keys": ("On this screen", "Auf diesem Bildschirm"),
    "lang.de": ("German", "Deutsch"),
    "lang.en": ("English", "Englisch"),
}

# Textual's own binding descriptions, so they follow the learner's language too.
_TEXTUAL_DESCRIPTIONS = {"Quit": "key.quit", "palette": "key.palette"}


def t(lang: Lang | str, key: str, **values: object) -> str:
    """The string `key` in `lang`, with `values` filled in; an unknown key shows as itself."""
    pair = _STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "de" else pair[0]
    return text.format(**values) if values else text


def binding_description(lang: Lang | str, description: str) -> str:
    """A footer description: our keys are i18n keys, Textual's are English words."""
    key = _TEXTUAL_DESCRIPTIONS.get(description, description)
    return t(lang, key) if key in _STRINGS else description


def format_date(lang: Lang | str, moment: datetime, tz: tzinfo | None = None) -> str:
    """A date as learners of `lang` write it, in `tz` (default: the machine's zone)."""
    local = moment.astimezone(tz)
    return local.strftime("%d.%m.%Y %H:%M" if lang == "de" else "%Y-%m-%d %H:%M")


def format_count(lang: Lang | str, count: int) -> str:
    """Follower counts the way Twitter shows them: 980, 12.3K / 12,3 Tsd."""
    if count < 10_000:
        return f"{count:,}".replace(",", "." if lang == "de" else ",")
    if count < 1_000_000:
        value, unit = count / 1000, ("Tsd." if lang == "de" else "K")
    else:
        value, unit = count / 1_000_000, ("Mio." if lang == "de" else "M")
    text = f"{value:.1f}".removesuffix(".0")
    if lang == "de":
        return f"{text.replace('.', ',')} {unit}"
    return f"{text}{unit}"


def lang_name(ui_lang: Lang | str, lang: str) -> str:
    return t(ui_lang, f"lang.{lang}")
