"""The words of a message that speaks to the bot rather than asks about the SROM: greetings, thanks, a call for the
help (read by answers_courtesy.py before any name is matched). Compiled as cues.py compiles its cues."""

from __future__ import annotations

from bot.engine.cues import compile_cue

HELP = compile_cue(
    r"^(?:bonjour|bonsoir|salut|hello|hi|hey|coucou|yo|aide|help|merci|thanks|thank you|ok|test|menu|"
    r"start|\?|aide moi|help me|que sais tu faire|que peux tu faire|what can you do|comment ca marche|"
    r"tu fais quoi|qui es tu|who are you|exemples?|examples?)"
    r"(?: srom| bot| stp| svp| beaucoup| bien| a toi| a vous| !)*$"
)
# Words of courtesy: a message made only of them (and of function words) asks nothing of the SROM.
COURTESY_WORDS = frozenset(
    """bonjour bonsoir salut hello hi hey coucou merci thanks thank thx beaucoup top super parfait cool ok okay bravo
    genial nickel bonne journee soiree good great nice cheers ciao bye revoir""".split()
)
COURTESY = compile_cue(rf"\b(?:{'|'.join(sorted(COURTESY_WORDS))})\b")
# A message that opens with thanks and asks nothing ("merci, c'est très clair", "thanks, that's what I needed for
# the Bureau"): a thank-you, whatever it names.
THANKS = compile_cue(r"^(?:(?:super|ok|top|parfait|great|many|grand) )?(?:merci|thanks|thank you|thx|ty|cheers)\b")
# A clause that opens with one of these asks something ("merci, et pour la paie ?", "thanks, who arbitrates")
ASKS_SOMETHING = compile_cue(
    r"^(?:et |and |mais |but )?(?:quel\w*|kel\w*|qui|ki|quoi|koi|comment|pourquoi|combien|quand|qd|ou|what|which|who|"
    r"how|why|when|where|est ce|peux tu|pouvez vous|can you|could you|pour|for|la|le|les|mode)\b"
)
# Words that speak to the bot about itself: a message made only of them (and of courtesy) asks for the help.
ABOUT_BOT = frozenset(
    """bot robot assistant question questions demander demande poser pose ask aider aide aides help utiliser utilise
    use exemple exemples example examples connais sais know kind sort es tu toi you srom""".split()
)
HELP_ANYWHERE = compile_cue(
    r"\b(?=[achqrstuvw])"
    r"(?:aide|help|que sais tu|que peux tu|what can you|(?:t |te |vous )utilise\w*|comment (?:t |l )?utiliser|"
    r"utiliser (?:le |ce |l )?(?:bot|outil)|sers a quoi|tu sers|sert a quoi (?:ce|le) bot|"
    r"comment ca marche|how (?:do|should|can|could) (?:i|we) use|(?:use|using) (?:this|the|you) (?:bot|assistant|tool)|"
    r"how does this work|sais faire|sait faire|tu fais quoi|can you do|"
    r"(?:what|which) (?:kind|sort|type)s? of questions?|quels? (?:genre|type|sorte)s? de questions?|"
    r"questions? (?:can you|peux tu|pouvez vous|puis je|can i)|what can i ask|que (?:puis|peux) je (?:te |vous )?"
    r"demander|sais repondre|sait repondre|repondre a quoi|what can you answer|"
    # "on peut te demander quel genre de choses ?", "je peux te demander quoi ?"
    r"(?:te|vous) demander (?:quoi|quel\w* (?:genre|type|sorte)s?))\b"
)
