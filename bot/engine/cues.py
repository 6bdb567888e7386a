"""The words that tell what kind of question it is (French and English, folded, typo-tolerant where it matters).
What a message says to the bot itself (a greeting, thanks, a call for help) is in courtesy_cues.py."""

from __future__ import annotations

import functools
import re

# The cues read the question's folded text (accents gone: ASCII letters), compiled in ASCII mode: "\b" and "\w"
# consult no Unicode table, a fifth to a half faster a search. A cue of many words opens on the first letters they
# can start with, "\b(?=[…])": a word starting with none of them is passed at once, not tried against each word
# (tests/engine/test_cues.py checks that those letters are all there)
compile_cue = functools.partial(re.compile, flags=re.ASCII)

DEFINITION = compile_cue(
    r"\b(?=[acdekmoqsvw])"
    r"(?:c est quoi|c quoi|cest quoi|qu est ce qu|qu est ce que|que veut dire|veut dire|signifi\w*|definition|"
    r"definir|"
    r"defini[rs]?|entend on|entend par|on entend|explique|expliquer|what is|what s|whats|what does|meaning|"
    r"means?|define|difference|differences|differe|distingue|distinguer|versus|vs|compare[rz]?|"
    r"a quoi correspond|correspond a|ca veut dire|kesako|kezako|sens de|describe|explain|stands? for)\b"
)
STRONG_DEFINITION = compile_cue(
    r"\b(?:veut dire|signifi\w*|definition|definir|entend on|entend par|on entend|difference|differences|"
    r"distingue\w*|mean|means|meaning|define|stand for|stands for|explain|explique\w*|versus|vs|"
    r"what counts as|counts? as|qualif\w* as)\b"
)
LIST_ALL_MODES = compile_cue(
    r"\b(?=[5acdflmqtw])"
    r"(?:liste des modes|les (?:cinq|5) modes|quels sont les modes|quels modes|modes de gestion possibles|"
    r"list (?:of )?(?:the )?modes|what are the (?:five |5 )?modes|which modes|all (?:the )?(?:five |5 )?modes|"
    r"tous les (?:cinq |5 )?modes|(?<=^)modes(?= ?\?*$)|"
    r"modes? existants?|les modes de gestion|the (?:five |5 )?(?:management )?modes|"
    # "c'est quoi un mode de gestion ?", "what is a management mode?": what the modes are
    r"(?:c est quoi|c quoi|qu est ce qu(?:e|e c est)?|definition d|what is|what s) (?:un |le |a |the )?"
    r"(?:modes? de gestion|management modes?)(?= ?(?:\?|$|en fait|exactement|concretement|in fact|exactly))|"
    r"(?:five|5|cinq) (?:ways|manieres|facons|types|sortes|niveaux|levels))\b"
)
LISTING = compile_cue(
    r"\b(?:qu est ce qui|quelles?|quels?|lesquel(?:le)?s?|liste[rz]?|list|which|what|tout ce qui|"
    r"ce qui (?:reste|est|sont|etait|etaient|sera|seront|passe)\w*|toutes fonctions confondues|"
    r"toutes? les|all|activites|activities|processus|process|processes|trucs|anything|everything)\b"
)
# Narrower: a question that asks for the items of a block in a mode, not for one item's mode.
BLOCK_LISTING = compile_cue(
    r"\b(?:qu est ce qui|quelles? activites|quels? (?:processus|process|macro[- ]?process\w*)|quelles? taches|"
    r"lesquel(?:le)?s?|liste[rz]?|list|which|"
    r"what s|whats|tout ce qui|ce qui|toutes? les activites|les activites|activites|activities|all)\b"
)
EVOLUTION = compile_cue(
    r"\b(?=[23abcdehilmopqrstwy])"
    r"(?:evolution|evolue|evoluer|evolve[ds]?|change|changes|changed|changement|changements|chang[eé]|shift\w*|"
    r"changer|changera|changeront|changent|passe\w* par (?:quels|quel|les|plusieurs|differents)|"
    r"went through (?:which|what|several)|"
    # a mode kept or reached by a later year: "ça reste en autonomie jusqu'à 2021 ?", "il passe en mutualisé à terme ?"
    r"rest\w* (?:en \w+ )?jusqu ?a|(?:passe|passera|bascule\w*) (?:en|au) \w+ a terme|et (?:apres|ensuite|depuis)|"
    r"and (?:after|afterwards|since|then)|20[12]\d vs\.? 20[12]\d|different from 20[12]\d|differ\w* from 20[12]\d|"
    r"over time|over the years|through the years|avec le temps|(?:est|sont|c est) devenue?s?|"
    r"year (?:after|to|by) year|d annee en annee|"
    r"d une (?:annee|periode) a l autre|(?:toujours|always) (?:ete|reste\w*|been|stayed)|"
    r"(?:le )?meme mode(?! qu| as)|same mode(?! as)|"
    r"a change|avant apres|au fil|compar\w*|trajectoire|trajector\w*|historique|history|progression|"
    r"de 2013 a 2021|entre 2013 et 2021|depuis 2013|timeline|sur les trois|three years|3 ans|trois annees|"
    r"(?:sur|pour|across|over|dans|in|on) (?:les |the |ses |its )?(?:3|trois|three) "
    r"(?:periodes|periods|cartes|maps|annees|dates|snapshots|photos|pictures|images|versions|etapes|stages|temps)|"
    r"20[12]\d ?(?:>|→|⇒|=>) ?20[12]\d|a quel moment|at what point|"
    r"differen\w* (?:entre|between) 20[12]\d (?:et|and) 20[12]\d|"
    r"puis (?:integre|mutualise|harmonise|centralise|autonome|passe|devenu)\w*|"
    r"then (?:integrated|pooled|harmoni[sz]ed|centrali[sz]ed|became)|"  # "2013 -> 2017 -> 2021", "2013 → 2021"
    r"transition|passee?s? de|went from|moved|move|shifted|bouge\w*|entre les (?:3|trois) cartes|evol|"
    r"depuis quand|since when|avant maintenant|avant et maintenant|hier aujourd hui|then and now|past present|"
    # the same as before asked: "toujours comme avant ?", "still the same as before?", "même mode qu'en 2013 ?"
    r"comme avant|pareil qu avant|qu avant|same as before|like before|as before|meme mode qu en|"
    r"same (?:mode|way) as in|(?:et|and) (?:maintenant|now|aujourd hui|today)|depuis l etat des lieux|"
    r"since the baseline)\b"
)
GOVERNANCE = compile_cue(
    r"\b(?=[acdefgimpqrsvw])(?:qui|who|whom|gouvernance|governance|instances?|role|roles|arbitr\w*|delib\w*|presid\w*|"
    r"chair\w*|siege\w*|sieg\w*|sits?|compos\w*|membres?|members?|sign\w*|valid\w*|decid\w*|decision\w*|"
    r"pilot\w*|anim\w*|vote\w*|priori\w*|impuls\w*|consolid\w*|propos\w*|veill\w*|explor\w*|analys\w*|"
    r"etudi\w*|dimensionn\w*|represent\w*|conseill\w*|met en oeuvre|mettent en oeuvre|implement\w*|"
    r"rapport|report|suivi annuel|responsable|in charge|charge de|fait quoi|que fait|what does)\b"
)
WHO = compile_cue(
    # not a relative or an emphasis: "ce qui", "c'est quoi qui est en coopération", "c'est nous qui le faisons"
    # The first letters of the words looked for, before the look-behinds: else those ten run at every position of
    # the message (four times slower)
    r"\b(?=[qwsa])(?<!ce )(?<!quoi )(?<!nous )(?<!vous )(?<!moi )(?<!eux )(?<!partie )(?<!celle )(?<!celui )"
    r"(?<!ceux )(?:qui|who|whom|whose|"
    r"quel(?:le)?s? (?:instance|organe|cci|commission|comite|groupe|direction)s?|"
    r"which (?:body|bodies|cci|committee|committees|commission|group)|sous l egide|aegis)\b"
)
ROLE_OF = compile_cue(
    r"\b(?:que fait|que font|fait quoi|font quoi|a quoi sert|sert a quoi|roles? d[eu]s?|missions? d[eu]s?|"
    r"what does .* do|what do .* do|role of|roles of|what is the role|competente?s? (?:pour|sur|en) quoi|"
    r"(?:pour|sur) quoi (?:est|sont) (?:il|elle|ils|elles) competent\w*|competences? d[eu]s?|"
    r"what is (?:it|that|this) (?:for|in charge of)|in charge of what|responsible for what|"
    # what kind of body it is: "il décide ou il conseille ?", "décisionnelle ou consultative ?", "advisory or not?"
    r"decid\w* ou|decision\w* ou|ou (?:juste |seulement |simplement )?consultati\w*|decide\w* or|"
    r"decision making (?:body )?or|or (?:just |merely |only |simply )?(?:an )?advisory|what does .* decide)\b"
)
# The asker speaking of their own case ("il me reste", "mon badge", "book me"): a question about the asker, not
# about the SROM, unless it also asks for a mode, a year, a change, a definition, a structure or a who.
PERSONAL = compile_cue(
    r"\b(?:me|m|mon|ma|mes|moi|my|me|mine|i m|i am|je suis|how (?:can|do|should) (?:i|we)|comment (?:je|puis je)|"
    r"(?:do|did|have|can|should) i|i have|i ve|ce mois ci|cette semaine|la semaine prochaine|demain|"
    r"comment (?:on|faire pour|fait on|poser|demander|prendre|declarer|saisir|obtenir|reserver))\b"
)
# Whom the asker should contact about their own case: "mon bulletin est faux, je contacte qui ?"
WHO_TO_CONTACT = compile_cue(
    r"\b(?:je contacte qui|qui (?:dois je |je dois |faut il )?contacter|a qui (?:je m adresse|m adresser|ecrire)|"
    r"who (?:do|should|can) i (?:contact|call|ask|write to))\b"
)
# The asker wishing to do something ("je veux poser un congé", "I want to book a room"), not to know something
ACT_WISH = compile_cue(
    r"\b(?:je veux|je voudrais|j aimerais|je souhaite|i want to|i d like to|i would like to) "
    r"(?!savoir|connaitre|comprendre|voir|avoir|lire|consulter|know|understand|see|read|get|learn|check)"
    r"(?:[a-z]+(?:er|ir|re)\b|(?<=to )[a-z]+\b)"
)
POSSESSIVE = compile_cue(r"\b(?:my|mon|ma|mes)\b")  # the asker's own thing: "what's my leave balance?"
# Asks which body or chamber ("to which chamber was it delegated?", "quelle CCI gérait le SI ?")
WHICH_BODY = compile_cue(
    r"\b(?:(?:which|what) (?:chamber|cci|body|committee)|quelles? (?:cci|chambres?|instances?|commissions?)|"
    r"to whom|a qui|aupres de qui)\b"
)
# Asks what came out of an event ("les décisions du Bureau du 29 mai", "what came out of the seminar"): the narrative
OUTCOME = compile_cue(
    r"\b(?:decid\w*|decision\w*|came out|outcome\w*|results?|resultats?|ressorti\w*|ressortir|issue\w* de|retenu\w*)\b"
)
# Asks what a change brought ("quels gains", "ça a rapporté quoi", "did it reduce costs?"): the narrative's
# account of the results, not the modes' history
GAINS = compile_cue(
    r"\b(?:gains?|benefices?|benefits?|economies|economise\w*|saved|save|savings?|rapporte\w*|apporte\w*|resultats?|"
    r"results?|"
    r"reduc\w* (?:des |les )?couts|baisse des couts|reduce\w* costs?|cut costs?|cost reduction|payoff|pay off)\b"
)
# Asks how the modes rank ("hiérarchisés", "is integration better than autonomy?")
RANKED = compile_cue(
    r"\b(?:hierarchi\w*|classe\w*|classement|ranked|ranking|rank|order|ordre|better|meilleur\w*|superieur\w*|"
    r"niveau|level|advanced|avance\w*|ultime|ultimate)\b"
)
# Narrower: whether the modes rank at all ("les modes sont hiérarchisés ?", "is integration the end goal?", "a
# ladder?"), which the preamble answers (they do not); not "au niveau régional", "better"
MODES_RANKED = compile_cue(
    r"\b(?=[beghlmnorsu])"
    r"(?:hierarchis\w*|hierarchie|hierarchy|ranking|ranked|rank|ladder|echelle|end goal|ultimate goal|but ultime|"
    r"objectif ultime|niveau ultime|graal|meilleur mode|best mode|equal footing|sur un pied d egalite)\b"
)
# What happened and when, rather than who does what: "les 5 décisions du Bureau du 29 mai 2015".
EVENT = compile_cue(
    r"\b(?:quand|when|decid\w*|decision\w*|conclusions?|dates?|participe\w*|took part|janvier|fevrier|mars|"
    r"avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|20[01]\d)\b"
)
# A reason or a legal basis asked ("pourquoi", "base légale", "required by law"): the narrative says it, never a
# map's mode or a commitment's title.
REASON = compile_cue(
    r"\b(?=[bcdefilmopqruvw])"
    r"(?:pourquoi|why|raisons?|reasons?|motifs?|base legale|bases legales|fondements?|legal basis|loi|lois|"
    r"law(?! firms?)|"
    r"laws|obligations? legales?|legal obligations?|required by|en application|quel article|which article|"
    r"legal provisions?|which provision|dispositions? legales?|quel texte|which text|code de commerce|commercial code|"
    # an origin: "ça vient d'où ?", "c'est une idée des Pays de la Loire ?"
    r"venue? d ou|vient d ou|viennent d ou|d ou vien\w*|origines?|comes? from|came from|une idee d\w*|whose idea|"
    r"initiative d\w*)\b"
)
# Asks for the reasons behind a mode or a change ("pourquoi la paie est intégrée ?", a follow-up "pourquoi ?").
WHY = compile_cue(r"\b(?:pourquoi|why|how come|for what reasons?|pour quelles? raisons?)\b")
# A date asked ("depuis quand", "what year"): the narrative too, unless a mode is named ("harmonisés en quelle
# année ?" is answered by the years of the maps).
WHEN = compile_cue(
    r"\b(?=[acdehqsw])"
    r"(?:quand|depuis quand|when|since when|en quelle annee|quelle annee|what year|which year|a quelle date|"
    r"quelle date|how long|combien de temps|cb de temps|a dure|duree)\b"
)
# A named thing of another kind than a mode asked about a topic: "quel prestataire cloud pour les serveurs ?",
# "on utilise quel logiciel de paie ?", "which firm carried out the audit?"
_THINGS = (
    r"(?:prestataire|logiciel|outil|fournisseur|cabinet|editeur|solution|plateforme|hebergeur|provider|software|tool|"
    r"firm|vendor|supplier|platform|package)s?"
)
THING_ASKED = compile_cue(rf"{_THINGS}|quel(?:le)?s?|which|what|lequel|laquelle|c|est")
WHICH_THING = compile_cue(
    rf"\b(?:(?:quel(?:le)?s?|which|what) (?:\w+ )?{_THINGS}|"
    rf"{_THINGS}(?: \w+){{0,3}} (?:c est |est )?(?:lequel|laquelle))\b"
)
GOVERNANCE_OVERVIEW = compile_cue(
    r"\b(?:(?:quelles?|lesquelles|liste|list|which|what|toutes) (?:sont |are )?(?:les |of )?(?:the )?"
    r"(?:instances|organes|governance bodies|bodies)|(?:comment|how) (?:fonctionne|marche|works?|is) "
    r"(?:la |the )?(?:gouvernance|governance)|schema de gouvernance|organigramme)\b"
)
NAMES_COMMITMENT = compile_cue(r"\b(?:engagements?|commitments?)\b")
COMMITMENT = compile_cue(
    r"\b(?=[3acefgoprt])"
    r"(?:engagements?|engag\w*|commitments?|committed|pledges?|axes? prioritaires?|(?:trois|3) axes|priorites?|"
    r"priorities|"
    r"feuille de route|roadmap|promesses?|chantiers? 2021|objectifs?|objectives?|goals?|enjeux|commit(?!tee)\w*)\b"
)
# "gestion des engagements" is a purchasing activity; "commit the CCI", "engager la CCI" is to bind it legally
# A progress told to be recorded: "please log it as 50% done", "enregistre-le", "c'est fait à 30 %"
PROGRESS_TOLD = compile_cue(
    r"\b(?:log (?:it|that|this)|record (?:it|that|this)|enregistre\w* (?:le|la|ca|cela|l)|"
    r"\d+ ?% (?:done|fait|realise\w*|complete\w*|atteint)|(?:fait|done|complete\w*) (?:a |at )?\d+ ?%)"
)
# Asks how far something has got ("où en est …", "on en est où", "avancement", "any progress on …"): only
# commitments progress; activities have modes.
PROGRESS = compile_cue(
    r"\b(?:ou en est(?: on)?|on en est(?: ou)?|ou on en est|(?:ca|ils?|elles?) en (?:est|sont) ou|en est ou|"
    r"ou en sont|ou en sommes nous|avancement|avance ou|progres\w*|where are we|how far|maj|mise a jour|"
    r"mets? a jour|mettre a jour|mettons a jour|"
    # a référent recording: "I'm the referent for …, please log it as 50% done", "je suis référente de …"
    r"log (?:it|that|this)|\d+ ?% (?:done|fait|realise\w*|complete\w*|atteint)|(?:je suis|i m|i am) (?:le |la |the )?"
    r"referente?s?|"
    r"updates?|status update|ca avance|ca progresse|point d etape|"
    r"(?:what s|whats|what is) the status|status of|(?:fini|finit|termine|fait) ou pas|"
    # "statut ?", "c fait ?" closing a question about a commitment's content; "je peux le noter où ?"
    r"(?<!20\d\d )(?<!the )(?:statut|status)\s*\?|"  # not "at the 2017 status?": the SROM's 2017 map
    r"c(?: est)? (?:fait|fini|termine|boucle|lance|demarre|parti)(?: cette annee| deja| ou pas)?\s*\?|"
    r"(?:is|was) (?:it|that|this) done|done yet|finished yet|completed yet|where (?:do|does) (?:they|it|we) stand|"
    r"(?:le |la |les )?(?:noter|saisir|declarer) ou)"
    r"(?!\w)"  # not "statut" alone: "le statut 2017" is the SROM's 2017 map
)
# The annual report or a chart of the commitments asked for: made by /srom-rapport
REPORT_ASKED = compile_cue(
    r"\b(?:rapport annuel|bilan annuel|rapport (?:au|pour le) bureau|rapport (?:a|pour) l ag|annual report|"
    r"bureau report|graphiques?|charts?|graphs?|diagrammes?|camembert|histogramme)\b"
)
# A chart asked for: of the commitments, the annual report's progress chart
CHART_ASKED = compile_cue(
    r"\b(?:graphiques?|charts?|charted|graphs?|diagrammes?|camembert|histogramme|courbes?|visuels?|dataviz)\b"
)
# A summary asked ("one-page summary of the HR function", "une synthèse de la fonction SI"): its structure
SUMMARY = compile_cue(r"\b(?:summary|summari[sz]e|synthese|resume|overview|recap\w*|vue d ensemble|fiche)\b")
# A progress told, not asked ("maj : on a harmonisé …", "update: we merged …", "j'ai fini …")
UPDATE_TOLD = compile_cue(r"\b(?:maj|mise a jour|update|on a|nous avons|j ai|we have|we ve|we)\b")
# How to record a progress, asked: "comment je mets à jour ?", "je suis référent de …", "how do I log progress?"
UPDATE_ASKED = compile_cue(
    r"\b(?:mets? a jour|mettre a jour|mise a jour|maj|referent\w*|comment (?:je |on )?(?:saisi|enregistr|renseign|"
    r"declar|remont)\w*|how (?:do|can|should) (?:i|we) (?:update|record|log|report)|updates?|"
    r"log (?:progress|an update))\b"
)
NOT_COMMITMENT = compile_cue(
    r"\bgestion des engagements\b|\boutil de gestion des engagements\b|"
    r"\b(?:commit|engager?)(?: \w+ment)? (?:the |la |l )?cci\w*\b"
)
COMMITMENT_ID = compile_cue(r"\b([a-z]{2,6})[- ]?(\d{1,2})\b")
STRUCTURE = compile_cue(
    r"\b(?:combien|how many|quelles activites|quels? blocs?|blocs?|blocks?|macro[- ]?process\w*|"
    r"couvre|couvrent|comprend|comprennent|contient|contiennent|composee? de|perimetres?|scope|structure|"
    r"cartographie|carte|map|organigramme|what activities|which activities|activities of|activites de|"
    r"liste des activites|list (?:the )?activities|fonctions?|functions?|de quoi|sommaire|sections?|"
    r"themes?|objectifs?|objectives?|actions?|what s under|whats under|what is under|what falls under|included|"
    r"inclus|decoupee?s?|broken down|split into)\b"
)
# "entre 2013 et 2017", "between 2013 and 2017": a span whose end is the year a listing asks about.
YEAR_SPAN = compile_cue(r"\b(?:entre|between|from|de) (?:20\d\d) (?:et|and|to|a) (20\d\d)\b")
FUNCTION_WORD = compile_cue(r"\b(?:fonctions?|functions?)\b")
FUNCTION_SCOPE = compile_cue(
    r"\b(?:perimetres?|scope|blocs?|blocks?|make up|makes up|compos\w*|contient|contains|comprend|couvre|couvrent|"
    r"structure\w*|activites|activities|qu y a t il|what s in|macro[- ]?process\w*|decoupe\w*|broken down|"
    r"split into)\b"
)
MODE_WORD = compile_cue(r"\bmodes?\b")  # "mode", "les modes": the question is about modes
LETTER_WORDS = compile_cue(r"\b(?:lettres?|letters?|sigles?|codes?)\b")  # the modes' letters asked about
WHICH_MODE = compile_cue(
    r"\b(?:c est quel mode|quel mode|(?:which|what) (?:management |kind of |type of )?mode|quel type de mode)\b"
)
# The name of a case asked: "ça s'appelle comment ?", "ça rentre dans quelle case ?", "what is that called?"
CASE_NAME = compile_cue(
    r"\b(?:ca s appelle comment|comment ca s appelle|comment on (?:appelle|nomme) (?:ca|cela)|quel(?:le)? case|"
    r"c est quoi (?:exactement )?quand|what is it (?:called )?when|"
    r"quelle categorie|what s (?:that|it) called|what is (?:that|it) called|which (?:category|box)|"
    r"what do you call (?:that|it))\b"
)
# A mode asked without the word: how a thing is run between the chambers ("en local ou en commun ?", "local or
# pooled?", "chacun son truc dans chaque CCI ?", "shared between the chambers or not?")
# How many people: the SROM gives no headcount; its narrative speaks of staff in words ("réduction des effectifs")
HEADCOUNT = compile_cue(
    r"\b(?:combien de (?:personnes|salaries|collaborateurs|etp|postes|gens|agents)|combien d etp|"
    r"how many (?:people|staff|employees|ftes?|persons|jobs|positions)|effectifs?|headcount|etp|ftes?)\b"
)
# An amount asked: the SROM gives no budget nor cost figure ("quel budget pour le SDSI ?", "how much does IT cost?")
AMOUNT = compile_cue(
    r"\b(?=[bcehmst])"
    r"(?:budgets?|montants?|enveloppes?|combien (?:ca |cela )?(?:coute\w*|a coute)|couts? (?:du|de la|des|de l)|"
    r"how much (?:does|did|will|is|was)|cost of|costs? of|spending on|spend on|"
    # a threshold asked, not one that describes ("les achats sous les seuils" are the MAPA)
    r"(?<!sous les )(?<!sous le )(?<!below )(?<!under )(?<!under the )seuils?|thresholds?(?! contracts))\b"
)
# Two things joined in one question ("la facturation et les relances", "payments & petty cash"), read on its text
JOINED = compile_cue(r"(?i)\b(?:et|and|ainsi que|as well as)\b|[&/+]")
# Two things compared: "le CODIR c'est pas la même chose que le COMEX ?", "difference between the COMEX and the CODIR"
SAME_OR_NOT = compile_cue(
    r"\b(?:meme chose|pareil|difference\w*|differen\w*|se distingue\w*|compare\w*|versus|vs|same as|same thing|"
    r"distinguish\w*)\b"
)
# Another activity's mode asked as the measure: "quelles activités RH sont dans le même mode que la paie ?", "which IT
# activities share the same mode as the hotline?", "quels autres trucs sont gérés pareil ?"
SAME_MODE = compile_cue(
    r"\b(?:meme mode|same mode|partag\w* (?:mon|ton|son|notre|votre|leur) mode|shares? (?:my|your|its|our|their) mode|"
    r"geree?s? (?:pareil|de la meme (?:facon|maniere))|(?:handled|run|managed) the same way)\b"
)
# The maps as a span of time: "entre les trois cartos", "across the three maps", "d'une carte à l'autre"
MAPS_SPAN = compile_cue(
    r"\b(?:(?:entre|sur|across|over|between) (?:les|the) (?:3|trois|three) (?:cartes?|cartos?|maps?|annees|years|"
    r"periodes|periods|dates|snapshots?|photos?|pictures?|images?|versions?|etapes|stages|temps)|"
    r"d une carte a l autre|from one map to the next|au fil des cartes)\b"
)
# A picture asked for, by a verb of making or showing ("tu peux me faire un schéma", "show me", "can I get")
PICTURE_ASKED = compile_cue(
    r"\b(?:montre\w*|affiche\w*|dessine\w*|fai[st] moi|faire un|fais un|donne\w* moi|envoie\w* moi|show|draw|"
    r"sors|sortir|sort moi|generer|genere|display|give me|can i get|send me)\b"
)
# What a map adds or drops against another ("nouvelles activités RH en 2021 par rapport à 2017", "what's new")
MAP_CHANGES = compile_cue(
    r"\b(?:nouvelles? activites|nouveaux? blocs?|activites? nouvelles?|new activities|new blocks|nouveaute\w*|"
    r"(?:activit\w*|blocks?|blocs?) (?:are|is|sont|est) (?:new|nouve\w*)|"
    r"quoi de neuf|what s new|whats new|apparu\w*|ajoute\w*|added|disparu\w*|supprime\w*|removed|dropped|retire\w*)\b"
)
# The parts of a thing ("the three components of the regional IT department"): of a function's office, its blocks
PARTS = compile_cue(
    r"\b(?:parts?|components?|composantes?|poles?|blocs?|blocks?|divisions?|branches|volets?|units?|pillars?|piliers?)\b"
)
BEFORE = compile_cue(r"\b(?:avant|before|prior to|jusqu en|until)\b")  # "avant 2013": the time before a map
HOW_RUN = compile_cue(
    r"\b(?=[bceghlmoprs])(?:gere\w* comment|comment (?:est|sont|etait|etaient|c etait|c est) gere\w*|"
    r"how (?:is|was|are|were) (?:[\w()]+ ){1,6}?(?:run|managed|handled|organi[sz]ed)|"
    r"run autonomously|managed autonomously|"
    r"en local ou|local ou (?:en commun|mutualise\w*|regional\w*)|local or (?:pooled|shared|regional|central\w*)|"
    r"shared between|shared or not|pooled or not|en commun ou pas|chacun (?:son truc|de son cote|dans son coin)|"
    r"each (?:chamber|cci) on its own|on its own|by each (?:chamber|cci)|chaque cci (?:de son cote|seule)|"
    # "chaque CCI ou la région ?", "each chamber or the region?"
    r"(?:chaque|each) (?:cci|ccit|chambre|chamber)s? (?:ou|or) (?:la |le |the |au |a la )?(?:niveau )?"
    r"(?:region\w*|ccir|central\w*|national\w*)|locally or (?:regionally|centrally))\b"
)
# The name of the person in an office asked: "who is the president?", "comment s'appelle le DSI ?"
NAME_ASKED = compile_cue(
    r"\b(?:comment s appelle|quel est (?:le |son )?nom|c est qui (?:le|la|notre)|who is (?:the|our)|"
    r"what is (?:the|his|her) name|what s (?:the|his|her) name|name of the)\b"
)
# How often a body meets: the text gives the Bureau's rhythm only through the COMEX's
RHYTHM = compile_cue(
    r"\b(?:how often|frequen\w*|rythme|tous les combien|combien de fois|se reunit quand|quand se reunit|"
    r"se reunissent quand|quand se reunissent|meets? how|when does .* meet)\b"
)
BLOCK_CONTENT = compile_cue(
    r"\b(?:activites|activities|blocs?|blocks?|contient|contains|dans le bloc|in the block|qu est ce qu ?il y a|"
    r"qu y a[- ]t[- ]il|what s in|whats in|liste des|list|y a quoi|dedans|inside|contenu|contents|on trouve quoi|"
    r"qu est ce qu on (?:y )?trouve|what is in|what are in|regroupe\w*|englobe\w*|inclut|incluent|rassemble\w*|"
    r"de quoi (?:est|sont) (?:compose\w*|fait\w*|constitue\w*)|compose\w* de|composition|made of|recouvre\w*|"
    r"couvre|couvrent|comprend|comprennent|consists? of|made up of|includes?|covers?|what s under|whats under|"
    r"what is under|what falls under|"
    # in the staff's words: "qu'est-ce qu'on range sous la compta client ?", "quelles tâches ?", "what sits under"
    r"range\w* (?:sous|dans)|(?:on )?met\w* (?:sous|dans)|quelles? taches|what tasks|which tasks|sits? under|"
    r"goes under|go under)\b"
)
# Asking what a thing holds, in words that name no block ("y a quoi dedans", "what's inside").
CONTENT_OF = compile_cue(r"\b(?:blocs?|blocks?|y a quoi|dedans|inside|contenu|contents|on trouve quoi)\b")


COUNT_FUNCTIONS = compile_cue(
    r"\b(?:combien de fonctions|how many functions|quelles sont les fonctions|liste des fonctions|"
    r"list (?:of )?(?:the )?functions|which functions)\b"
)
MAPS = compile_cue(r"\b(?:cartes|cartos|cartographies|maps|charts)\b")  # more than one map asked
SHOW_MAP = compile_cue(
    r"\b(?=[acdegmsv])"
    r"(?:montre[rz]?|affiche[rz]?|voir|dessine[rz]?|envoie[sz]?|envoyer|sors|sortir|show|display|draw|see|send)\b.*"
    r"\b(?:cartes?|carto\w*|maps?|schemas?|diagrammes?|diagrams?|images?|pictures?|dessins?)\b|"
    r"\b(?:cartes?|cartos?|maps?|cartographie|graphiques?|graphs?|charts?|visuels?|en images?|schema(?! directeur)|"
    r"draw|dessine[rz]?)\b"
)
