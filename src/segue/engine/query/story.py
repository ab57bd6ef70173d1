"""What a member tells about themselves is context, not a request.

Requests typed as whole sentences tell a story around what they ask: 'My son has been playing me Arctic Monkeys in
the car', 'My dad used to sing it in the car', 'songs like The Supremes? My mother played them when I was little'.
Read word by word, the story asked for things nobody wanted: the Cuban genre son, The Used, a driving mood, the 2000s
(a chat-age member's childhood). These passes take the story out before the request is
read, or its era out after, and leave every word that asks for music where it was.
"""

from __future__ import annotations

import re
from dataclasses import replace

from segue.domain import Query
from segue.engine.query.lexicon import CITIES

__all__ = ["heard_back_then", "told"]

_PEOPLE = (
    r"son|sons|daughter|daughters|kid|kids|children|child|husband|wife|partner|hubby|mum|mom|mother|dad|father|"
    r"grandson|granddaughter|grandkids|grandchildren|"
    r"parents|brother|sister|boyfriend|girlfriend|bf|gf|friend|friends|grandma|grandpa|granny|nan|nana|teen|"
    r"teenager|niece|nephew|students|pupils|colleague|colleagues|boss|flatmate|roommate"
)
_TELLING = (
    r"has|have|had|is|was|were|are|keeps|kept|loves|loved|likes|liked|got|gets|plays|played|playing|used|listens|"
    r"listened|introduced|showed|sings|sang|hums|hummed|always|really|never|only|thinks|says|said|put|puts|"
    r"discovered|found|dragged|made|makes|grew|blasts|blasted|told|tells|asked|set|suggested|helped"
)
_TOLD = re.compile(
    r"(?i)(?<!when )\b(?:my|our) (?:little |teenage |older |younger |eldest |youngest |\d+ ?(?:yo|year old) )?"
    rf"(?:{_PEOPLE})(?:'s)?(?= (?:{_TELLING})\b)"
    r"(?P<rest>[^.!?;]*?)(?=[.!?;]|,? but\b|$)"
)
"""'My son has been playing me Arctic Monkeys in the car', 'my daughter loves Taylor Swift': a person who did or
likes something, up to the end of that clause (what they did is kept: its acts are the request's seeds). 'Songs my
dad would like' and 'for my wife' ask for music for them, and are read as that elsewhere (`_FOR_PARENT`, moods)."""
_HEARD_FROM = re.compile(
    r"(?i)^\s*(?:has been |have been |keeps |kept |is |was |always |just |really )*"
    r"(?:playing|plays|played|blasting|blasts|listening to|listens to|listened to|loves|loved|likes|liked|"
    r"is into|was into|got me into|gets me into|showed me|introduced me to|put me onto|put me on to)(?: me)?\b"
)
"""What the person in the story plays or loves opens the clause ('keeps playing metallica'): the acts after it are
the request's seeds, as after 'like' ('playing metallica' was said unused)."""
_TOLD_ABROAD = re.compile(
    r"(?i)\b(?:mi|minha|meu|ma|mon|meine|mein) (?:hija|hijo|esposa|esposo|marido|mujer|novia|novio|mamá|madre|papá|"
    r"padre|hermano|hermana|abuela|abuelo|filha|filho|namorada|namorado|mãe|pai|irmão|irmã|avó|avô|fille|fils|"
    r"femme|copine|copain|mère|père|frère|sœur|soeur|tochter|sohn|frau|freundin|freund|mutter|vater|bruder|"
    r"schwester|oma|opa) (?P<verb>escucha|oye|pone|ama|adora|ouve|escuta|adora|écoute|adore|aime|hört|liebt)"
    r"(?: a| à)?\b"
)
"""The same story told in Spanish, Portuguese, French or German ('mi hija escucha a Shakira todo el día': the
daughter and Shakira were one unknown name)."""
_LIKE_IN = {"ouve": "tipo", "escuta": "tipo", "écoute": "comme", "aime": "comme", "adore": "comme", "hört": "wie",
            "liebt": "wie"}  # fmt: skip
"""The word for 'like' after each verb that is not Spanish (Spanish's 'como' is the default)."""
_SETTING = re.compile(
    r"(?i)\b(?:in|on) (?:the|our|his|her|my) (?:car|house|kitchen|garage|basement|shed|bedroom|office|radio|"
    r"way to school|school run|drive|commute)\b"
    r"|\baround the house\b|\bat home\b"
)
"""Where the told thing happened ('in the car', 'in the garage'): a setting of the story, not a mood or a genre ('my
dad keeps blasting AC/DC in the garage' asked for UK garage)."""
_USED_TO = re.compile(
    r"(?i)\bused to (?=(?:sing|listen|play|hear|love|like|dance|blast|put|spin|hum|watch|go|take)\w*\b)"
)
"""'my dad used to sing it', 'what I used to listen to': habit, never the band The Used ('Somebody That I Used To
Know' keeps its words)."""
_LOVE_VERB = re.compile(r"(?i)(\bwould|['\u2019]d) love\b(?! songs?\b)")
"""'I'd love some Philly soul', 'something you think I'd love': wanting, not a love song ('I love Nirvana' names
the act it cues, and stays)."""
_BRIDGE = re.compile(r"(?i)\b(?:connects?|bridges?|links?|joins?) (?:the two|them|both|those two)\b")
"""'Kendrick Lamar, but I grew up on soul. Who connects the two?': the two heard together ('connects' was read by
meaning as driving)."""


_NOT_ASKING = re.compile(
    r"(?i)\bi (?:don'?t|do not) (?:really |even |quite )?know what (?:i want|i like|to (?:play|listen to|pick))\b"
    r"|,? the one with (?:the|that|a) [^.!?,]*"
    r"|\b(?:i'?ve |i have )?(?:worn|wore) out my (?:copy|record|tape|cd|vinyl) of [^.!?,]*"
    r"|\b(?:i'?ve |i have )?(?:worn|wore) (?:the grooves?|the needle) (?:off|out)(?: of)?\b"
    r"|\b(?:(?:is|are|been|still|on|in) )*(?:heavy|constant|high|regular|steady) rotation\b"
    r"|\b(?:when |if )?(?:i'?m |im |i am )?not in (?:a|the) [\w-]+ mood\b"
    r"|\b(?:gets?|got|getting) (?:played|spun|blasted) (?:every|each|all) \w+\b"
    r"|\b(?:keeps |kept |been |always |still )?(?:humming|whistling|hums|whistles)\b"
    r"|\b(?:todo el d[ií]a|el d[ií]a entero|o dia todo|todo o dia|toute la journ[ée]e|den ganzen tag|nonstop|"
    r"non-stop|constantly|all the time|last week)\b"
    r"|\b(?:des id[ée]es|any ideas|alguna idea|alguma ideia|irgendwelche ideen)\b"
    r"|\b(?:told|asked|wanted|showed|taught) me (?:how )?to (?:type|write|ask|try|use|message|text|talk to)\b[^.!?,]*"
    r"|\b(?:set|sets|setting) up (?:this|the|a) (?:bot|discord|server|thing|app|account)\b"
    r"|\b(?:told|asked|wanted|got) me to (?:check out|listen to|try|hear)(?= \w)"
)
"""Words that ask for nothing: 'I don't really know what I want' (a seed song 'Know What I Want' was read), 'keeps
humming that song Baker Street, the one with the saxophone' (the song said again; its saxophone became a genre
beside it and the song was lost), 'I've worn out my copy of Blue' (Joni Mitchell's album, read as the boy band
Blue), 'I have worn the grooves off Red', 'still in heavy rotation', 'gets played every Sunday' (how often it is
heard, not a groove, a heavy sound or a Sunday mood), 'todo el día', 'des idées ?' ('todo' was read by meaning as
'too', 'des idées' as an unknown name); a
title's words ('Yesterday', 'All Day and All of the Night', 'On Repeat') stay. 'My grandson told me to type something
here' and 'my son set up this bot' say how the request came, not what it asks (an unknown name, the band Set It
Off)."""


_WHOSE_EVENT = re.compile(
    r"(?i)\b(?:my |our )?(?:cousin|cousins|sister|brother|friend|best friend|bestie|aunty|auntie|aunt|uncle|"
    r"mate|boss|colleague|neighbou?r)(?:'s|s'|\u2019s)(?= (?:big |little )?(?:sangeet|wedding|birthday|bday|party|"
    r"baraat|mehndi|graduation|quince|quinceanera|quinceañera|bbq|barbecue|cookout|engagement|reception|funeral)\b)"
)
"""Whose the occasion is: 'cousin's sangeet', 'my sister's wedding' (it seeded the band The Cousins)."""
_WHOSE_COMPANY = re.compile(
    r"(?i)\b(?:colleagues?|friends?|people|folks|members|musicians|coworkers|co-workers|mates|teammates)"
    r" (?:from|in|at|of) (?:the|my|our|work|school|church) ?(?:orchestra|band|choir|office|work|school|church|club|"
    r"team|ensemble|quartet|section|lab|gym|uni|university)?\b"
)
"""Whose company the music is for, said by where they meet: 'a dinner for colleagues from the orchestra' (it seeded
the act Orchestra, and no one co-listens with it). What they are stays ('for colleagues' is read as a gathering)."""

_CHURCH_YOUTH = re.compile(r"(?i)\b(?:for|with|at|to) (?:the|my|our) youth (?:group|night|kids|ministry|service)\b")
"""A church's young people ('it's for the youth group'): it seeded the band Youth Group."""

_CITY_ACTS = re.compile(
    rf"(?i)\b({'|'.join(sorted(CITIES))}) (artists|bands|acts|musicians|rappers|singers|producers)\b"
)
"""A city's acts said city first ('detroit artists but not eminem'): the song 'Detroit' stood for them; said as
'artists from detroit', the city's scene is read."""

_EVENTS = r"(?:party|event|session|night|evening|game|campaign|class|club|show|quiz|trivia|workshop|meeting|stream)"
_RUNNING_IT = re.compile(
    rf"(?i)\b({_EVENTS}) (?:that )?(?:i'?m|i am|we'?re|we are) running\b"
    rf"|\b(?:i'?m|i am|we'?re|we are) running(?= (?:a|an|the|my|our) (?:\w+ )?{_EVENTS}\b)"
)
"""Who runs the evening ('a 60s psychedelia evening I'm running in the community room'): not a run; 'running' was
read as the workout."""

_MUSING = re.compile(
    r"(?i)\b(?:just |kind of |kinda )?(?:thinking|think|thought|reflecting|reflect|wondering) (?:about|on) "
    r"(?:life|things|stuff|everything|my life|the future|the past|the world)\b"
)
"""'a long drive alone at night, just thinking about life': a mood said by what one does ('life' was read as a topic
and led with 'Life in the Fast Lane' and club remixes with 'Life' in their titles)."""


def told(text: str) -> str:
    """The text without the story's people and settings (see the module)."""
    if _TOLD.search(text):
        text = _TOLD.sub(lambda m: " " + _HEARD_FROM.sub(" like ", _SETTING.sub(" ", m.group("rest"))), text)
    if _TOLD_ABROAD.search(text):
        text = _TOLD_ABROAD.sub(lambda m: " " + _LIKE_IN.get(m.group("verb").lower(), "como") + " ", text)
    text = _MUSING.sub(" introspective ", _NOT_ASKING.sub(" ", text))
    text = _WHOSE_COMPANY.sub(lambda m: " " + m.group().split()[0] + " ", _WHOSE_EVENT.sub(" ", text))
    text = _USED_TO.sub(" ", _CHURCH_YOUTH.sub(" for church youth ", text))
    text = _RUNNING_IT.sub(
        lambda m: f" {m.group(1) or ''} ", _CITY_ACTS.sub(lambda m: f"{m.group(2)} from {m.group(1)}", text)
    )
    text = _LOVE_VERB.sub(lambda m: f"{m.group(1)} want", text)
    return _BRIDGE.sub("both", text)


_BACK_THEN = re.compile(
    r"(?i)\bwhen (?:i|we) (?:was|were) (?:little|a kid|kids|a child|children|young|younger|a teen|a teenager|small)\b"
    r"|\bmy childhood\b|\bgrowing up\b"
)
"""When the member heard the act they name: 'The Supremes? My mother played them when I was little' is no request
for the 2000s (a chat-age member's childhood, which 'songs from when i was little' alone is)."""
_ERA_TYPED = re.compile(r"(?i)\b(?:19|20)\d0s|\b\d0s\b|\b(?:19|20)\d\d\b")


def heard_back_then(query: Query, text: str) -> Query:
    """A childhood beside named acts is when the member heard them, not an era to answer from."""
    if not (query.seed_artists or query.seed_tracks) or query.year_min is None or not _BACK_THEN.search(text):
        return query
    if _ERA_TYPED.search(text):  # an era typed as such stays
        return query
    return replace(query, year_min=None, year_max=None)
