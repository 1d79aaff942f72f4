"""The starter lesson written by `twitter-tutor new`: a choice, pick, compose and plan exercise,
valid as written (reflect is documented in docs/writing-lessons.md)."""

from __future__ import annotations

from typing import Final

_EN: Final = '''+++
id = "{id}"
title = "{title}"
lang = "en"
order = {order}
summary = "One sentence that says what the learner gets from this lesson."
minutes = 5
+++

Text before the first `##` heading is the lesson's opening page.

## Reading comes first

Each `##` heading starts a new step. Write plain Markdown: paragraphs, lists, **bold**, tables.

```exercise
id = "first-choice"
type = "choice"
question = "Which tweet invites a conversation?"

[[choices]]
text = "Which tool do you use for your newsletter, and why?"
correct = true
why = "A real question gives people a reason to answer."

[[choices]]
text = "Our newsletter is out now. Subscribe!"
correct = false
why = "An announcement with a call to action; nobody is asked anything."

[[examples]]
answer = "1"
passes = true

[[examples]]
answer = "2"
passes = false
```

## Pick from a timeline

```exercise
id = "timeline-pick"
type = "pick"
question = "Which of these accounts would you follow to stay up to date on your field?"

[[items]]
author = "Mara Berg"
handle = "@maraberg"
text = "Writes about newsletters and email marketing. Asks her readers a question every Friday."
pick = true
why = "On topic, active and talks with people."

[[items]]
author = "Deals 24/7"
handle = "@deals247"
text = "BEST PRICES!!! Click the link in our bio NOW!"
pick = false
why = "An ad bot: nothing to learn, nobody to talk to."

[[examples]]
answer = "1"
passes = true

[[examples]]
answer = "1,2"
passes = false
```

## Write a tweet

```exercise
id = "first-tweet"
type = "compose"
prompt = "Introduce yourself in one tweet and ask your readers something."

[[checks]]
rule = "max_length"
limit = 280
required = true

[[checks]]
rule = "engaging"
hint = "End with a question."

[[checks]]
rule = "not_promotional"

[[examples]]
text = "Hi, I'm new here and I work on our company's newsletter. What's the best thing you read this week?"
passes = true

[[examples]]
text = "BUY NOW!!! 50% off everything, only today!"
passes = false

[[examples]]
text = "Our new product is here."
passes = false
```

## Plan a few tweets

```exercise
id = "small-plan"
type = "plan"
prompt = "Plan two tweets: one about your work, one personal."
count = 2
min_personal = 1

[[checks]]
rule = "max_length"

[[examples]]
text = """
I finally tried the new coffee place next to our office and I love it.
What do you check first when you plan a newsletter?"""
passes = true

[[examples]]
text = """
Huge sale! Buy now, 50% off!
Limited offer, order today!"""
passes = false

[[examples]]
text = "Only one line for a plan of two tweets."
passes = false
```
'''

_DE: Final = '''+++
id = "{id}"
title = "{title}"
lang = "de"
order = {order}
summary = "Ein Satz, der sagt, was die Lernenden von dieser Lektion haben."
minutes = 5
+++

Text vor der ersten `##`-Überschrift ist die Einstiegsseite der Lektion.

## Erst lesen

Jede `##`-Überschrift beginnt einen neuen Schritt. Schreib einfaches Markdown: Absätze, Listen,
**Fettes**, Tabellen.

```exercise
id = "first-choice"
type = "choice"
question = "Welcher Tweet lädt zum Gespräch ein?"

[[choices]]
text = "Mit welchem Tool schreibst du deinen Newsletter, und warum?"
correct = true
why = "Eine echte Frage gibt anderen einen Grund zu antworten."

[[choices]]
text = "Unser Newsletter ist da. Jetzt abonnieren!"
correct = false
why = "Eine Ankündigung mit Aufforderung; niemand wird etwas gefragt."

[[examples]]
answer = "1"
passes = true

[[examples]]
answer = "2"
passes = false
```

## Aus einer Timeline wählen

```exercise
id = "timeline-pick"
type = "pick"
question = "Welchen dieser Accounts würdest du folgen, um in deinem Feld auf dem Laufenden zu bleiben?"

[[items]]
author = "Mara Berg"
handle = "@maraberg"
text = "Schreibt über Newsletter und E-Mail-Marketing. Stellt jeden Freitag eine Frage an ihre Leser."
pick = true
why = "Beim Thema, aktiv und im Gespräch mit anderen."

[[items]]
author = "Schnäppchen 24/7"
handle = "@deals247"
text = "BESTE PREISE!!! JETZT auf den Link in der Bio klicken!"
pick = false
why = "Ein Werbe-Bot: nichts zu lernen, niemand zum Reden."

[[examples]]
answer = "1"
passes = true

[[examples]]
answer = "1,2"
passes = false
```

## Einen Tweet schreiben

```exercise
id = "first-tweet"
type = "compose"
prompt = "Stell dich in einem Tweet vor und frag deine Leser etwas."

[[checks]]
rule = "max_length"
limit = 280
required = true

[[checks]]
rule = "engaging"
hint = "Hör mit einer Frage auf."

[[checks]]
rule = "not_promotional"

[[examples]]
text = "Hallo, ich bin neu hier und kümmere mich um unseren Newsletter. Was war das Beste, das du diese Woche gelesen hast?"
passes = true

[[examples]]
text = "JETZT KAUFEN!!! 50% Rabatt auf alles, nur heute!"
passes = false

[[examples]]
text = "Unser neues Produkt ist da."
passes = false
```

## Ein paar Tweets planen

```exercise
id = "small-plan"
type = "plan"
prompt = "Plane zwei Tweets: einen über deine Arbeit, einen persönlichen."
count = 2
min_personal = 1

[[checks]]
rule = "max_length"

[[examples]]
text = """
Ich war endlich im neuen Café neben dem Büro und ich liebe es.
Worauf achtest du zuerst, wenn du einen Newsletter planst?"""
passes = true

[[examples]]
text = """
Riesen-Sale! Jetzt kaufen, 50% Rabatt!
Nur heute: jetzt bestellen!"""
passes = false

[[examples]]
text = "Nur eine Zeile für einen Plan mit zwei Tweets."
passes = false
```
'''


def starter_lesson(lesson_id: str, lang: str, order: int = 100) -> str:
    title = lesson_id.replace("-", " ").capitalize()
    template = _DE if lang == "de" else _EN
    return template.format(id=lesson_id, title=title, order=order)
