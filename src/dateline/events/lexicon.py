"""The PLOVER lexicon: verbs, verb+object pairs and event nouns, each with a type, mode and CAMEO code.

Written for PLOVER (Open Event Data Alliance, manual draft 0.8, 2021) from its event categories;
the CAMEO codes follow CAMEO 1.1b3 so that GDELT users get a familiar code. Every entry is
plain data in the tables below so a reader can see why an event was coded (the event record
carries the matched entry in ``rule``).

Table syntax, one entry a line: ``key  TYPE  mode  cameo`` (``-`` for no mode).
Keys:
  ``lemma``               a verb lemma ("accuse")
  ``lemma_particle``      a phrasal verb ("call_for", "step_down", "open_fire")
  ``lemma+CLASS``         a verb whose direct object (or passive subject) is a noun of CLASS
  ``lemma+noun``          a verb with that object noun lemma (checked before the class)
Nouns map to classes in ``NOUN_CLASSES``; an event noun on its own ("the summit in Hanoi") is
coded from ``NOUN_EVENTS`` when it has participants, a time or a place of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..article import PLOVER_QUADS as PLOVER_TYPES  # type -> quad, defined once in the contract

#: Types whose expressed intent PLOVER codes as AGREE (cooperation) and THREATEN (conflict).
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}


@dataclass(frozen=True)
class Entry:
    type: str
    mode: str | None
    cameo: str | None
    key: str

    @property
    def quad(self) -> int:
        return PLOVER_TYPES[self.type]


def _parse(table: str) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for line in table.strip().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, etype, mode, cameo = line.split()
        if etype not in PLOVER_TYPES:
            raise ValueError(f"lexicon: unknown PLOVER type {etype!r} in {line!r}")
        out[key] = Entry(etype, None if mode == "-" else mode, None if cameo == "-" else cameo, key)
    return out


# -- verbs on their own --------------------------------------------------------------------------
VERBS = _parse("""
# AGREE: express intent, agree, accept, promise (PLOVER 1)
agree            AGREE     -             030
accept           AGREE     -             030
promise          AGREE     -             030
pledge           AGREE     -             030
vow              AGREE     -             030
offer            AGREE     -             030
commit           AGREE     -             030
consent          AGREE     -             030
volunteer        AGREE     -             030
undertake        AGREE     -             030
swear            AGREE     -             030
settle           AGREE     -             037
# CONSULT: meetings, visits, calls, negotiation, mediation
attend           CONSULT   visit         042
meet             CONSULT   -             040
consult          CONSULT   -             040
confer           CONSULT   -             040
discuss          CONSULT   -             040
talk             CONSULT   -             040
negotiate        CONSULT   -             046
mediate          CONSULT   third-party   045
visit            CONSULT   visit         042
tour             CONSULT   visit         042
host             CONSULT   visit         043
telephone        CONSULT   phone         041
phone            CONSULT   phone         041
# SUPPORT: praise, endorse, defend verbally, apologise, forgive, recognise
praise           SUPPORT   -             051
commend          SUPPORT   -             051
hail             SUPPORT   -             051
laud             SUPPORT   -             051
applaud          SUPPORT   -             051
endorse          SUPPORT   -             051
congratulate     SUPPORT   -             051
thank            SUPPORT   -             051
welcome          SUPPORT   -             051
back             SUPPORT   -             051
support          SUPPORT   -             051
defend           SUPPORT   -             052
apologize        SUPPORT   -             055
apologise        SUPPORT   -             055
forgive          SUPPORT   -             056
recognize        SUPPORT   -             054
recognise        SUPPORT   -             054
# COOPERATE: material cooperation
cooperate        COOPERATE -             060
collaborate      COOPERATE -             060
extradite        COOPERATE -             063
# AID
aid              AID       -             070
donate           AID       -             070
assist           AID       -             070
help             AID       -             070
evacuate         AID       -             073
rescue           AID       -             073
fund             AID       -             071
finance          AID       -             071
# CONCEDE
concede          CONCEDE   -             080
yield            CONCEDE   -             080
relent           CONCEDE   -             080
compromise       CONCEDE   -             080
accede           CONCEDE   -             083
back_down        CONCEDE   -             080
allow            CONCEDE   -             080
permit           CONCEDE   -             080
# RETREAT
withdraw         RETREAT   withdraw      087
retreat          RETREAT   withdraw      0874
pull_out         RETREAT   withdraw      087
pull_back        RETREAT   withdraw      087
surrender        RETREAT   disarm        0874
disarm           RETREAT   disarm        0873
demobilize       RETREAT   disarm        0873
demobilise       RETREAT   disarm        0873
release          RETREAT   release       0841
free             RETREAT   release       0841
pardon           RETREAT   release       0841
resign           RETREAT   resign        0831
step_down        RETREAT   resign        0831
quit             RETREAT   resign        0831
# ACCUSE: disapprove, accuse, investigate, sue
accuse           ACCUSE    allege        112
blame            ACCUSE    allege        112
allege           ACCUSE    allege        112
charge           ACCUSE    allege        112
criticize        ACCUSE    disapprove    111
criticise        ACCUSE    disapprove    111
condemn          ACCUSE    disapprove    111
denounce         ACCUSE    disapprove    111
decry            ACCUSE    disapprove    111
deplore          ACCUSE    disapprove    111
slam             ACCUSE    disapprove    111
blast            ACCUSE    disapprove    111
censure          ACCUSE    disapprove    111
rebuke           ACCUSE    disapprove    111
reprimand        ACCUSE    disapprove    111
castigate        ACCUSE    disapprove    111
disapprove       ACCUSE    disapprove    110
complain         ACCUSE    allege        114
summon           ACCUSE    allege        114
sue              ACCUSE    allege        115
convict          ACCUSE    disapprove    116
investigate      ACCUSE    investigate   090
examine          ACCUSE    investigate   090
re-examine       ACCUSE    investigate   090
reexamine        ACCUSE    investigate   090
inspect          ACCUSE    investigate   090
probe            ACCUSE    investigate   090
inquire          ACCUSE    investigate   090
# REQUEST: demand, appeal, urge, ask
demand           REQUEST   -             100
request          REQUEST   -             020
urge             REQUEST   -             020
appeal           REQUEST   -             020
ask              REQUEST   -             020
plead            REQUEST   -             020
implore          REQUEST   -             020
press            REQUEST   -             100
order            REQUEST   -             100
call_for         REQUEST   -             020
call_on          REQUEST   -             020
call_upon        REQUEST   -             020
# REJECT
reject           REJECT    -             120
refuse           REJECT    -             120
decline          REJECT    -             120
dismiss          REJECT    -             120
rebuff           REJECT    -             120
spurn            REJECT    -             120
repudiate        REJECT    -             120
renege           REJECT    -             120
oppose           REJECT    -             120
veto             REJECT    yield         129
defy             REJECT    yield         128
violate          REJECT    yield         128
# THREATEN
threaten         THREATEN  -             130
warn             THREATEN  -             130
# PROTEST
protest          PROTEST   demo          140
demonstrate      PROTEST   demo          141
rally            PROTEST   demo          141
march            PROTEST   demo          141
picket           PROTEST   demo          141
riot             PROTEST   riot          145
boycott          PROTEST   boycott       143
strike           PROTEST   boycott       143
# MOBILIZE
mobilize         MOBILIZE  troops        154
mobilise         MOBILIZE  troops        154
deploy           MOBILIZE  troops        154
reinforce        MOBILIZE  troops        154
# SANCTION
sanction         SANCTION  -             163
embargo          SANCTION  -             163
expel            SANCTION  expel         166
recall           SANCTION  withdraw      161
# COERCE
arrest           COERCE    arrest        173
detain           COERCE    arrest        173
jail             COERCE    arrest        173
imprison         COERCE    arrest        173
indict           COERCE    arrest        173
deport           COERCE    deport        174
evict            COERCE    deport        174
force_out        COERCE    deport        174
seize            COERCE    seize         171
confiscate       COERCE    seize         1711
demolish         COERCE    seize         1712
raze             COERCE    seize         1712
destroy          COERCE    seize         1712
ban              COERCE    ban           1722
outlaw           COERCE    ban           1722
prohibit         COERCE    restrict      172
censor           COERCE    restrict      1721
restrict         COERCE    restrict      172
blockade         COERCE    restrict      191
besiege          COERCE    restrict      191
occupy           COERCE    seize         192
annex            COERCE    seize         192
disperse         COERCE    -             175
crack_down       COERCE    -             175
hack             COERCE    -             170
deface           COERCE    -             170
prevent          COERCE    restrict      172
# ASSAULT
attack           ASSAULT   -             190
assault          ASSAULT   -             180
kill             ASSAULT   -             190
murder           ASSAULT   -             180
wound            ASSAULT   -             180
injure           ASSAULT   -             180
shoot            ASSAULT   firearms      193
gun_down         ASSAULT   firearms      193
open_fire        ASSAULT   firearms      193
fire             ASSAULT   firearms      193
bomb             ASSAULT   explosives    183
shell            ASSAULT   heavy-weapons 194
bombard          ASSAULT   heavy-weapons 194
ambush           ASSAULT   -             190
assassinate      ASSAULT   assassinate   186
massacre         ASSAULT   massacre      202
torture          ASSAULT   torture       1822
beat             ASSAULT   beat          182
beat_up          ASSAULT   beat          182
stab             ASSAULT   beat          182
rape             ASSAULT   sexual        1821
kidnap           ASSAULT   abduct        181
abduct           ASSAULT   abduct        181
hijack           ASSAULT   abduct        181
behead           ASSAULT   -             180
invade           ASSAULT   -             190
storm            ASSAULT   -             190
capture          ASSAULT   -             190
recapture        ASSAULT   -             190
retake           ASSAULT   -             190
overrun          ASSAULT   -             190
clash            ASSAULT   -             190
fight            ASSAULT   -             190
battle           ASSAULT   -             190
raid             ASSAULT   -             190
explode          ASSAULT   explosives    183
detonate         ASSAULT   explosives    183
blow_up          ASSAULT   explosives    183
set_off          ASSAULT   explosives    183
lynch            ASSAULT   beat          182
molest           ASSAULT   sexual        1821
regain           ASSAULT   -             190
reclaim          ASSAULT   -             190
liberate         ASSAULT   -             190
drive_out        ASSAULT   -             190
push_back        ASSAULT   -             190
repel            ASSAULT   -             190
airstrike        ASSAULT   aerial        195
loot             COERCE    seize         171
ransack          COERCE    seize         171
torch            COERCE    seize         1712
vandalize        COERCE    seize         1712
vandalise        COERCE    seize         1712
burn             COERCE    seize         1712

# more of each category (general coverage)
assure           AGREE     -             030
guarantee        AGREE     -             030
convene          CONSULT   multilateral  040
greet            CONSULT   visit         043
speak_with       CONSULT   -             040
talk_with        CONSULT   -             040
work_with        COOPERATE -             060
work_together    COOPERATE -             060
confer_with      CONSULT   -             040
sympathize       SUPPORT   -             051
salute           SUPPORT   -             051
coordinate       COOPERATE -             060
lend             AID       -             071
loan             AID       -             071
reinstate        CONCEDE   -             083
abolish          CONCEDE   -             083
legalize         CONCEDE   -             083
legalise         CONCEDE   -             083
disband          RETREAT   disarm        0873
fault            ACCUSE    disapprove    111
lambaste         ACCUSE    disapprove    111
chastise         ACCUSE    disapprove    111
scold            ACCUSE    disapprove    111
berate           ACCUSE    disapprove    111
object           ACCUSE    disapprove    110
petition         REQUEST   -             020
lobby            REQUEST   -             020
beg              REQUEST   -             020
rule_out         REJECT    -             120
turn_down        REJECT    -             120
station          MOBILIZE  troops        154
round_up         COERCE    arrest        173
apprehend        COERCE    arrest        173
sentence         COERCE    arrest        173
punish           COERCE    -             170
pound            ASSAULT   heavy-weapons 194
target           ASSAULT   -             190
slay             ASSAULT   -             190
slaughter        ASSAULT   massacre      202
maim             ASSAULT   -             180
execute          ASSAULT   -             1823
suppress         COERCE    -             175
repress          COERCE    -             175
prosecute        COERCE    arrest        173
interrogate      COERCE    arrest        173
# -- general coverage: common wire-story verbs of each type (hand-written, not from the gold sets)
assent           AGREE     -             030
concur           AGREE     -             030
sympathise       SUPPORT   -             051
extol            SUPPORT   -             051
champion         SUPPORT   -             051
embrace          SUPPORT   -             051
side_with        SUPPORT   -             051
stand_by         SUPPORT   -             051
exonerate        SUPPORT   -             051
team_up          COOPERATE -             060
ally             COOPERATE -             060
give_in          CONCEDE   -             080
cave_in          CONCEDE   -             080
backtrack        CONCEDE   -             080
cede             RETREAT   -             0874
relinquish       RETREAT   -             0874
abdicate         RETREAT   resign        0831
hand_back        RETREAT   -             0874
vacate           RETREAT   withdraw      0874
assail           ACCUSE    disapprove    111
lash_out         ACCUSE    disapprove    111
hit_out          ACCUSE    disapprove    111
chide            ACCUSE    disapprove    111
upbraid          ACCUSE    disapprove    111
excoriate        ACCUSE    disapprove    111
reproach         ACCUSE    disapprove    111
admonish         ACCUSE    disapprove    111
vilify           ACCUSE    disapprove    111
denigrate        ACCUSE    disapprove    111
disparage        ACCUSE    disapprove    111
ridicule         ACCUSE    disapprove    111
deride           ACCUSE    disapprove    111
brand            ACCUSE    disapprove    111
implicate        ACCUSE    allege        112
impeach          ACCUSE    -             115
exhort           REQUEST   -             020
pressure         REQUEST   -             100
entreat          REQUEST   -             020
push_for         REQUEST   -             020
press_for        REQUEST   -             020
solicit          REQUEST   -             020
instruct         REQUEST   -             020
snub             REJECT    -             120
deny             REJECT    -             120
seal_off         COERCE    restrict      191
cordon           COERCE    restrict      191
spurn            REJECT    -             120
disregard        REJECT    -             120
brush_aside      REJECT    -             120
brush_off        REJECT    -             120
balk             REJECT    -             120
refute           REJECT    -             120
obstruct         REJECT    -             120
resist           REJECT    -             120
vote_against     REJECT    -             120
menace           THREATEN  -             130
walk_out         PROTEST   boycott       143
clamp_down       COERCE    -             175
nationalize      COERCE    seize         1711
nationalise      COERCE    seize         1711
expropriate      COERCE    seize         1711
impound          COERCE    seize         1711
harass           COERCE    -             175
intimidate       COERCE    -             175
cordon_off       COERCE    restrict      172
blacklist        SANCTION  -             163
strafe           ASSAULT   aerial        195
mow_down         ASSAULT   firearms      193
bludgeon         ASSAULT   beat          182
decapitate       ASSAULT   -             1823
butcher          ASSAULT   massacre      202
exterminate      ASSAULT   massacre      202
annihilate       ASSAULT   -             190
shoot_down       ASSAULT   -             190
firebomb         ASSAULT   explosives    183
pelt             ASSAULT   primitive     180
stone            ASSAULT   primitive     180
ignore           REJECT    -             120
look_into        ACCUSE    investigate   090
vote_for         SUPPORT   -             051
invest           COOPERATE -             061
bulldoze         COERCE    seize         1712
sabotage         COERCE    seize         1712
kick_out         COERCE    deport        174
skirmish         ASSAULT   -             190
retaliate        ASSAULT   -             190
counterattack    ASSAULT   -             190
""")

# -- verb + object ---------------------------------------------------------------------------
#: verbs whose meaning comes from their object ("hold talks", "impose a curfew")
VERB_OBJECT = _parse("""
hold+MEET            CONSULT   -             040
attend+MEET          CONSULT   -             040
join+MEET            CONSULT   -             040
host+MEET            CONSULT   visit         043
begin+MEET           CONSULT   -             046
start+MEET           CONSULT   -             046
open+MEET            CONSULT   -             046
resume+MEET          CONSULT   -             046
renew+MEET           CONSULT   -             046
conduct+MEET         CONSULT   -             046
continue+MEET        CONSULT   -             046
undertake+MEET       CONSULT   third-party   045
launch+MEET          CONSULT   third-party   045
make+MEET            CONSULT   visit         042
pay+MEET             CONSULT   visit         042
give+welcome         CONSULT   visit         043
extend+welcome       CONSULT   visit         043
receive+PERSON       CONSULT   visit         043
welcome+PERSON       CONSULT   visit         043
call+PERSON          CONSULT   phone         041
suspend+MEET         SANCTION  withdraw      164
halt+MEET            SANCTION  withdraw      164
break+MEET           SANCTION  withdraw      164
stop+MEET            SANCTION  withdraw      164
end+MEET             SANCTION  withdraw      164
cancel+MEET          SANCTION  -             160
postpone+MEET        SANCTION  -             160
call_off+MEET        SANCTION  -             160
abandon+MEET         SANCTION  withdraw      164
boycott+MEET         SANCTION  withdraw      164
reject+MEET          REJECT    meet          125
#
hold+PROTEST         PROTEST   demo          141
stage+PROTEST        PROTEST   demo          141
organize+PROTEST     PROTEST   demo          141
organise+PROTEST     PROTEST   demo          141
launch+PROTEST       PROTEST   demo          141
begin+PROTEST        PROTEST   demo          141
start+PROTEST        PROTEST   demo          141
lead+PROTEST         PROTEST   demo          141
join+PROTEST         PROTEST   demo          141
call+PROTEST         PROTEST   demo          141
go+PROTEST           PROTEST   demo          141
call_off+PROTEST     CONCEDE   -             082
end+PROTEST          CONCEDE   -             082
suspend+PROTEST      CONCEDE   -             082
disperse+PROTEST     COERCE    -             175
break_up+PROTEST     COERCE    -             175
ban+PROTEST          COERCE    ban           1722
prevent+PROTEST      COERCE    restrict      172
#
launch+ATTACK        ASSAULT   -             190
carry_out+ATTACK     ASSAULT   -             190
conduct+ATTACK       ASSAULT   -             190
mount+ATTACK         ASSAULT   -             190
stage+ATTACK         ASSAULT   -             190
begin+ATTACK         ASSAULT   -             190
start+ATTACK         ASSAULT   -             190
resume+ATTACK        ASSAULT   -             190
step_up+ATTACK       ASSAULT   -             190
intensify+ATTACK     ASSAULT   -             190
commit+ATTACK        ASSAULT   -             190
halt+ATTACK          RETREAT   -             087
stop+ATTACK          RETREAT   -             087
end+ATTACK           RETREAT   -             087
suspend+ATTACK       RETREAT   -             087
#
launch+EXERCISE      COOPERATE -             062
hold+EXERCISE        COOPERATE -             062
conduct+EXERCISE     COOPERATE -             062
stage+EXERCISE       COOPERATE -             062
undertake+EXERCISE   COOPERATE -             062
begin+EXERCISE       COOPERATE -             062
start+EXERCISE       COOPERATE -             062
#
impose+SANCTION      SANCTION  -             163
slap+SANCTION        SANCTION  -             163
tighten+SANCTION     SANCTION  -             163
extend+SANCTION      SANCTION  -             163
reimpose+SANCTION    SANCTION  -             163
lift+SANCTION        RETREAT   -             085
ease+SANCTION        RETREAT   -             085
relax+SANCTION       RETREAT   -             085
remove+SANCTION      RETREAT   -             085
end+SANCTION         RETREAT   -             085
suspend+SANCTION     RETREAT   -             085
#
impose+RESTRICT      COERCE    restrict      172
reimpose+RESTRICT    COERCE    restrict      172
declare+RESTRICT     COERCE    restrict      172
introduce+RESTRICT   COERCE    restrict      172
institute+RESTRICT   COERCE    restrict      172
extend+RESTRICT      COERCE    restrict      172
enforce+RESTRICT     COERCE    restrict      172
tighten+RESTRICT     COERCE    restrict      172
lift+RESTRICT        CONCEDE   -             081
ease+RESTRICT        CONCEDE   -             081
relax+RESTRICT       CONCEDE   -             081
loosen+RESTRICT      CONCEDE   -             081
remove+RESTRICT      CONCEDE   -             081
scrap+RESTRICT       CONCEDE   -             081
cancel+RESTRICT      CONCEDE   -             081
revoke+RESTRICT      CONCEDE   -             081
end+RESTRICT         CONCEDE   -             081
shorten+RESTRICT     CONCEDE   -             081
#
sign+AGREEMENT       SUPPORT   -             057
ink+AGREEMENT        SUPPORT   -             057
initial+AGREEMENT    SUPPORT   -             057
conclude+AGREEMENT   SUPPORT   -             057
reach+AGREEMENT      AGREE     -             030
strike+AGREEMENT     AGREE     -             030
broker+AGREEMENT     CONSULT   third-party   045
accept+AGREEMENT     AGREE     -             030
#
declare+CEASEFIRE    RETREAT   ceasefire     0871
announce+CEASEFIRE   RETREAT   ceasefire     0871
observe+CEASEFIRE    RETREAT   ceasefire     0871
call+CEASEFIRE       RETREAT   ceasefire     0871
violate+CEASEFIRE    ASSAULT   -             196
break+CEASEFIRE      ASSAULT   -             196
breach+CEASEFIRE     ASSAULT   -             196
#
give+AID             AID       -             070
provide+AID          AID       -             070
send+AID             AID       -             070
send+team            AID       -             070   # "will send a team to help identify victims"
deliver+AID          AID       -             070
supply+AID           AID       -             070
donate+AID           AID       -             070
ship+AID             AID       -             070
airlift+AID          AID       -             073
grant+AID            AID       -             070
extend+AID           AID       -             070
hand_over+AID        AID       -             070
contribute+AID       AID       -             070
suspend+AID          SANCTION  discontinue   162
halt+AID             SANCTION  discontinue   162
cut+AID              SANCTION  discontinue   162
cut_off+AID          SANCTION  discontinue   162
freeze+AID           SANCTION  discontinue   162
stop+AID             SANCTION  discontinue   162
reduce+AID           SANCTION  discontinue   162
withhold+AID         SANCTION  discontinue   162
end+AID              SANCTION  discontinue   162
prohibit+AID         SANCTION  discontinue   162
#
establish+RELATIONS  SUPPORT   -             054
restore+RELATIONS    SUPPORT   -             050
resume+RELATIONS     SUPPORT   -             050
upgrade+RELATIONS    SUPPORT   -             050
normalize+RELATIONS  SUPPORT   -             050
normalise+RELATIONS  SUPPORT   -             050
improve+RELATIONS    SUPPORT   -             050
strengthen+RELATIONS SUPPORT   -             050
deepen+RELATIONS     COOPERATE -             060
break+RELATIONS      SANCTION  withdraw      161
sever+RELATIONS      SANCTION  withdraw      161
cut+RELATIONS        SANCTION  withdraw      161
suspend+RELATIONS    SANCTION  withdraw      161
downgrade+RELATIONS  SANCTION  withdraw      161
freeze+RELATIONS     SANCTION  withdraw      161
#
share+INFO           COOPERATE -             064
exchange+INFO        COOPERATE -             064
provide+INFO         COOPERATE -             064
pass+INFO            COOPERATE -             064
#
open+INVESTIGATION   ACCUSE    investigate   090
launch+INVESTIGATION ACCUSE    investigate   090
begin+INVESTIGATION  ACCUSE    investigate   090
start+INVESTIGATION  ACCUSE    investigate   090
conduct+INVESTIGATION ACCUSE   investigate   090
complete+INVESTIGATION ACCUSE  investigate   090
order+INVESTIGATION  ACCUSE    investigate   090
#
issue+DEMAND         REQUEST   -             100
issue+travel~warning SANCTION  -             160   # a travel warning reduces relations
issue+travel~advisory SANCTION -             160
face+pressure        REQUEST   -             100   # "X faces pressure from Y to ...": Y asks X
face+call            REQUEST   -             100
face+DEMAND          REQUEST   -             100
make+DEMAND          REQUEST   -             100
reiterate+DEMAND     REQUEST   -             100
renew+DEMAND         REQUEST   -             100
repeat+DEMAND        REQUEST   -             100
press+DEMAND         REQUEST   -             100
launch+DEMAND        REQUEST   -             020
issue+THREAT         THREATEN  -             130
make+THREAT          THREATEN  -             130
give+ultimatum       THREATEN  relations     139
issue+ultimatum      THREATEN  relations     139
reject+DEMAND        REJECT    -             120
#
lodge+COMPLAINT      ACCUSE    allege        114
file+COMPLAINT       ACCUSE    allege        114
register+COMPLAINT   ACCUSE    allege        114
make+COMPLAINT       ACCUSE    allege        114
voice+COMPLAINT      ACCUSE    allege        114
express+support      SUPPORT   -             051
express+solidarity   SUPPORT   -             051
express+sympathy     SUPPORT   -             018
express+condolence   SUPPORT   -             018
express+sorrow       SUPPORT   -             018
express+grief        SUPPORT   -             018
express+gratitude    SUPPORT   -             051
express+concern      ACCUSE    disapprove    110
voice+concern        ACCUSE    disapprove    110
express+opposition   REJECT    -             120
mobilize+support     SUPPORT   -             053
rally+support        SUPPORT   -             053
#
deploy+TROOPS        MOBILIZE  troops        154
send+TROOPS          MOBILIZE  troops        154
mass+TROOPS          MOBILIZE  troops        154
mobilize+TROOPS      MOBILIZE  troops        154
strengthen+TROOPS    MOBILIZE  troops        154
reinforce+TROOPS     MOBILIZE  troops        154
withdraw+TROOPS      RETREAT   withdraw      087
pull+TROOPS          RETREAT   withdraw      087
deploy+police        MOBILIZE  police        153
mobilize+police      MOBILIZE  police        153
order+patrol         MOBILIZE  police        153
#
grant+asylum         AID       -             075
offer+asylum         AID       -             075
grant+amnesty        RETREAT   release       0841
grant+independence   CONCEDE   -             0833
grant+right          CONCEDE   -             0833
grant+autonomy       CONCEDE   -             0833
pay+compensation     RETREAT   return        0842
pay+reparation       RETREAT   return        0842
return+PROPERTY      RETREAT   return        0842
hand_over+PERSON     COOPERATE -             063
hand_over+weapon     RETREAT   disarm        0873
lay_down+weapon      RETREAT   disarm        0873
give_up+weapon       RETREAT   disarm        0873
allow+ACCESS         RETREAT   access        086
grant+ACCESS         RETREAT   access        086
receive+INSPECTORS   RETREAT   access        0862
admit+INSPECTORS     RETREAT   access        0862
allow+INSPECTORS     RETREAT   access        0862
expel+INSPECTORS     SANCTION  expel         1662
deny+entry           SANCTION  -             160
deny+visa            SANCTION  -             160
close+border         COERCE    restrict      191
close+embassy        SANCTION  withdraw      161
shut+embassy         SANCTION  withdraw      161
impose+blockade      COERCE    restrict      191
set+fire             COERCE    seize         1712
open+fire            ASSAULT   firearms      193
hold+hostage         ASSAULT   abduct        181
take+hostage         ASSAULT   abduct        181
mount+invasion       ASSAULT   -             190
launch+invasion      ASSAULT   -             190
take+step            CONCEDE   -             080
block+road           PROTEST   obstruct      144
block+street         PROTEST   obstruct      144
block+highway        PROTEST   obstruct      144
block+transport      PROTEST   obstruct      144
block+traffic        PROTEST   obstruct      144
begin+strike         PROTEST   boycott       143
call+strike          PROTEST   boycott       143
collect+signature    PROTEST   demo          140
continue+PROTEST     PROTEST   demo          141
stage+strike         PROTEST   boycott       143
stop+work            PROTEST   boycott       143
shun+work            PROTEST   boycott       143
block+bridge         PROTEST   obstruct      144
block+crossing       PROTEST   obstruct      144
block+railway        PROTEST   obstruct      144
block+entrance       PROTEST   obstruct      144
lodge+protest        ACCUSE    allege        114
file+protest         ACCUSE    allege        114
register+protest     ACCUSE    allege        114
accept+DEMAND        CONCEDE   -             083
meet+DEMAND          CONCEDE   -             083
lift+blockade        RETREAT   withdraw      0872
ease+blockade        RETREAT   withdraw      0872
end+blockade         RETREAT   withdraw      0872
withdraw+INSPECTORS  SANCTION  expel         1662
withdraw+peacekeeping~force SANCTION expel 1661
pull_out+INSPECTORS  SANCTION  expel         1662
blow_up+THING        COERCE    seize         1712
announce+suspension  SANCTION  withdraw      161
voice+support        SUPPORT   -             051
voice+solidarity     SUPPORT   -             051
approve+AID          AID       -             071
dismantle+WEAPON     RETREAT   disarm        0873
dismantle+weapon     RETREAT   disarm        0873
dismantle+arsenal    RETREAT   disarm        0873
dismantle+settlement RETREAT   withdraw      087
dismantle+checkpoint RETREAT   withdraw      087
dismantle+TERRITORY  RETREAT   withdraw      087
dismantle+network    COERCE    -             170
dismantle+ring       COERCE    -             170
dismantle+cell       COERCE    -             170
work_with+THING      COOPERATE -             060
bring+COMPLAINT      ACCUSE    allege        115
bring+charge         ACCUSE    allege        115
file+charge          ACCUSE    allege        115
commit+WARCRIME      ASSAULT   -             180
throw+WEAPON         ASSAULT   -             190
hurl+WEAPON          ASSAULT   -             190
exchange+fire        ASSAULT   firearms      193
exchange+gunfire     ASSAULT   firearms      193
trade+fire           ASSAULT   firearms      193
order+TROOPS         MOBILIZE  troops        154
move+TROOPS          MOBILIZE  troops        154
dispatch+TROOPS      MOBILIZE  troops        154
dispatch+AID         AID       -             070
dispatch+team        AID       -             070
dispatch+INSPECTORS  ACCUSE    investigate   090
send+INSPECTORS      ACCUSE    investigate   090
hit+TERRITORY        ASSAULT   -             190
hit+target           ASSAULT   -             190
hit+PERSON           ASSAULT   -             190
shut_down+THING      COERCE    restrict      1721
close+newspaper      COERCE    restrict      1721
close+website        COERCE    restrict      1721
block+website        COERCE    restrict      1721
ban+TRADE            SANCTION  -             163
halt+TRADE           SANCTION  -             163
suspend+TRADE        SANCTION  -             163
stop+TRADE           SANCTION  -             163
restrict+TRADE       SANCTION  -             163
resume+TRADE         COOPERATE -             061
attack+STATEMENT     ACCUSE    disapprove    111
offer+condolence     SUPPORT   -             018
send+condolence      SUPPORT   -             018
raid+TERRITORY       ASSAULT   -             190
raid+THING           COERCE    -             170
freeze+PROPERTY      SANCTION  -             163
seize+PROPERTY       COERCE    seize         1711
deny+ACCUSATION      REJECT    -             120
deny+involvement     REJECT    -             120
deny+responsibility  REJECT    -             120
reject+ACCUSATION    REJECT    -             120
dismiss+ACCUSATION   REJECT    -             120
hold+phone~call      CONSULT   phone         041
make+phone~call      CONSULT   phone         041
hold+phone~conversation CONSULT phone        041
hold+telephone~conversation CONSULT phone    041
put+TROOPS           MOBILIZE  troops        152
capture+PERSON       COERCE    arrest        173
seek+MEET            REQUEST   meet          106
seek+AID             REQUEST   assist        103
seek+THING           REQUEST   -             020
block+proposal       REJECT    -             120
block+resolution     REJECT    -             120
block+bill           REJECT    -             120
block+plan           REJECT    -             120
block+deal           REJECT    -             120
put+alert            MOBILIZE  troops        152
take+control         COERCE    seize         192
seize+control        COERCE    seize         192
recover+TERRITORY    ASSAULT   -             190
free+TERRITORY       ASSAULT   -             190
take+TERRITORY       COERCE    seize         192
seize+TERRITORY      COERCE    seize         192
drop+WEAPON          ASSAULT   aerial        195
use+WEAPON           ASSAULT   -             190
commit+rape          ASSAULT   sexual        1821
abuse+PERSON         ASSAULT   sexual        1821
set+alight           COERCE    seize         1712
set+ablaze           COERCE    seize         1712
exchange+PERSON      RETREAT   release       0841
swap+PERSON          RETREAT   release       0841
issue+warrant        COERCE    arrest        173
ratify+AGREEMENT     SUPPORT   -             057
approve+AGREEMENT    SUPPORT   -             057
present+evidence     ACCUSE    allege        112
launch+missile       ASSAULT   heavy-weapons 194
launch+rocket        ASSAULT   heavy-weapons 194
fire+missile         ASSAULT   heavy-weapons 194
fire+rocket          ASSAULT   heavy-weapons 194
fire+shell           ASSAULT   heavy-weapons 194
fire+mortar          ASSAULT   heavy-weapons 194
receive+assurance    AGREE     -             030
give+assurance       AGREE     -             030
give+permission      CONCEDE   -             080
grant+permission     CONCEDE   -             080
provide+support      AID       -             070
receive+AID          AID       -             070
open+hearing         ACCUSE    investigate   090
lay_down+arm         RETREAT   disarm        0873
set_up+roadblock     COERCE    restrict      191
close_down+newspaper COERCE    restrict      172
close_down+station   COERCE    restrict      172
close_down+radio     COERCE    restrict      172
close_down+paper     COERCE    restrict      172
close_down+website   COERCE    restrict      172
close+station        COERCE    restrict      172
dissolve+parliament  COERCE    restrict      172
dissolve+assembly    COERCE    restrict      172
dissolve+legislature COERCE    restrict      172
use+tear~gas         COERCE    -             175
fire+tear~gas        COERCE    -             175
lob+tear~gas         COERCE    -             175
set_up+checkpoint    COERCE    restrict      191
erect+roadblock      COERCE    restrict      191
close+airspace       COERCE    restrict      191
seal+border          COERCE    restrict      191
intercept+ship       COERCE    seize         1711
intercept+vessel     COERCE    seize         1711
intercept+boat       COERCE    seize         1711
intercept+shipment   COERCE    seize         1711
reduce+staff         SANCTION  withdraw      161
cut+staff            SANCTION  withdraw      161
reduce+RELATIONS     SANCTION  withdraw      161
scale_back+RELATIONS SANCTION  withdraw      161
scale_back+AID       SANCTION  -             162
reduce+presence      SANCTION  withdraw      161
raise+alert          MOBILIZE  police        151
raise+alert~level    MOBILIZE  police        151
heighten+alert       MOBILIZE  police        151
increase+alert       MOBILIZE  police        151
step_up+security     MOBILIZE  police        151
tighten+security     MOBILIZE  police        151
increase+readiness   MOBILIZE  troops        152
raise+readiness      MOBILIZE  troops        152
give_up+arm          RETREAT   disarm        0873
hand_over+arm        RETREAT   disarm        0873
surrender+arm        RETREAT   disarm        0873
turn_in+arm          RETREAT   disarm        0873
expel+PERSON         COERCE    deport        174
crush+PROTEST        COERCE    -             175
put_down+PROTEST     COERCE    -             175
quell+PROTEST        COERCE    -             175
# -- general coverage (hand-written)
express+appreciation SUPPORT   -             051
express+thanks       SUPPORT   -             051
express+gratitude    SUPPORT   -             051
pay+tribute          SUPPORT   -             051
reaffirm+support     SUPPORT   -             051
reiterate+support    SUPPORT   -             051
declare+support      SUPPORT   -             051
throw+support        SUPPORT   -             051
join+force           COOPERATE -             060
join+forces          COOPERATE -             060
train+TROOPS         AID       -             074
train+police         AID       -             074
equip+TROOPS         AID       -             072
arm+PERSON           AID       -             072
distribute+AID       AID       -             070
allocate+AID         AID       -             070
earmark+AID          AID       -             070
airdrop+AID          AID       -             070
meet+condition       CONCEDE   -             080
give+concession      CONCEDE   -             080
make+concession      CONCEDE   -             080
grant+concession     CONCEDE   -             080
hand_back+TERRITORY  RETREAT   -             0874
return+TERRITORY     RETREAT   -             0874
evacuate+TROOPS      RETREAT   withdraw      0874
level+ACCUSATION     ACCUSE    allege        112
make+ACCUSATION      ACCUSE    allege        112
raise+concern        ACCUSE    disapprove    111
issue+warning        THREATEN  -             130
give+warning         THREATEN  -             130
sound+warning        THREATEN  -             130
amass+TROOPS         MOBILIZE  troops        154
concentrate+TROOPS   MOBILIZE  troops        154
build_up+TROOPS      MOBILIZE  troops        154
call_up+TROOPS       MOBILIZE  troops        154
move+WEAPON          MOBILIZE  troops        154
deploy+WEAPON        MOBILIZE  troops        154
test+WEAPON          MOBILIZE  -             150
impose+tariff        SANCTION  -             163
suspend+membership   SANCTION  withdraw      164
revoke+membership    SANCTION  withdraw      164
expel+diplomat       SANCTION  withdraw      161
withdraw+ambassador  SANCTION  withdraw      161
recall+ambassador    SANCTION  withdraw      161
revoke+license       COERCE    restrict      172
ban+party            COERCE    restrict      172
dissolve+party       COERCE    restrict      172
sink+TROOPS          ASSAULT   -             190
sink+ship            ASSAULT   -             190
sink+vessel          ASSAULT   -             190
sink+boat            ASSAULT   -             190
down+helicopter      ASSAULT   -             190
down+plane           ASSAULT   -             190
down+jet             ASSAULT   -             190
down+drone           ASSAULT   drone         195
shoot_down+THING     ASSAULT   -             190
lob+WEAPON           ASSAULT   explosives    183
plant+WEAPON         ASSAULT   explosives    183
plant+device         ASSAULT   explosives    183
# peacekeepers sent are protection, not a show of force nor inspectors (CAMEO 074)
send+peacekeeper     AID       -             074
send+peacekeeping~troop AID    -             074
send+peacekeeping~force AID    -             074
deploy+peacekeeper   AID       -             074
deploy+peacekeeping~troop AID  -             074
deploy+peacekeeping~force AID  -             074
dispatch+peacekeeper AID       -             074
# opening a border or a crossing lets people and goods through (RETREAT access)
open+border          RETREAT   access        0872
reopen+border        RETREAT   access        0872
open+bridge          RETREAT   access        0872
reopen+bridge        RETREAT   access        0872
open+crossing        RETREAT   access        0872
reopen+crossing      RETREAT   access        0872
open+corridor        RETREAT   access        0872
# taking territory
gain+control         COERCE    seize         192
regain+control       COERCE    seize         192
wrest+control        COERCE    seize         192
establish+control    COERCE    seize         192
take_over+TERRITORY  COERCE    seize         192
win_back+TERRITORY   ASSAULT   -             190
# attacks on vessels and vehicles
hit+TROOPS           ASSAULT   -             190
""")

#: object nouns grouped into the classes used by ``VERB_OBJECT``
NOUN_CLASSES: dict[str, str] = {}
for _cls, _words in {
    "MEET": "meeting summit talk talks negotiation negotiations visit trip tour consultation "
    "conference dialogue discussion mediation session round parley",
    "PROTEST": "protest demonstration rally march sit-in strike walkout picket vigil riot uprising revolt "
    "rebellion insurrection",
    "ATTACK": "attack offensive assault raid airstrike strike bombing bombardment campaign "
    "operation ambush incursion shelling",
    "EXERCISE": "exercise drill manoeuvre maneuver game",
    "SANCTION": "sanction sanctions embargo boycott",
    "RESTRICT": "curfew restriction ban emergency siege law measure control censorship",
    "AGREEMENT": "agreement treaty accord pact deal memorandum protocol consensus compromise settlement understanding",
    "CEASEFIRE": "ceasefire truce cease-fire armistice",
    "AID": "aid assistance grant loan money dollar food medicine supply supplies arm arms weapon "
    "weapons equipment fund funding relief credit shipment material vaccine vaccines "
    "tent tents blanket blankets grain rice wheat flour fuel water drug drugs euro euros yen "
    "yuan rupee rupees rouble roubles ruble rubles mask masks",
    "RELATIONS": "tie ties relation relations link links contact partnership cooperation",
    "INFO": "information intelligence evidence expertise data",
    "INVESTIGATION": "investigation inquiry probe enquiry hearing",
    "DEMAND": "demand appeal call request plea",
    "THREAT": "threat warning",
    "COMPLAINT": "complaint protest objection lawsuit suit",
    "TROOPS": "troop troops force forces soldier soldiers army reservist reservists unit units "
    "warship warships tank tanks reinforcement reinforcements carrier carriers fleet "
    "destroyer destroyers battalion battalions brigade brigades division divisions",
    "WARCRIME": "atrocity atrocities genocide massacre massacres war~crime war~crimes abuse abuses crimes~against",
    "INSPECTORS": "inspector inspectors observer observers monitor monitors peacekeeper peacekeepers",
    "ACCESS": "access",
    "TRADE": "import imports export exports trade flight flights",
    "STATEMENT": "policy policies decision plan proposal remark remarks statement comment comments "
    "handling move law bill stance",
    "TERRITORY": "territory area areas village villages town towns city region regions district "
    "districts province neighbourhood neighborhood base position positions stronghold "
    "hill hills border locality localities",
    "WEAPON": "bomb bombs barrel gas chemical chlorine sarin container containers shell shells stone stones "
    "rock rocks brick bricks molotov cocktail cocktails firebomb firebombs "
    "missile missiles rocket rockets grenade grenades explosive explosives mortar mortars",
    "PROPERTY": "property asset assets land account accounts fund",
    "ACCUSATION": "allegation allegations accusation accusations charge charges claim claims report reports",
}.items():
    for _w in _words.split():
        NOUN_CLASSES.setdefault(_w, _cls)
NOUN_CLASSES["protest"] = "PROTEST"
NOUN_CLASSES["sit"] = "PROTEST"  # "staged a sit-in"
for _w in ("phone", "telephone"):
    NOUN_CLASSES[f"{_w}~call"] = "MEET"
    NOUN_CLASSES[f"{_w}~conversation"] = "MEET"
for _w in ("air", "missile", "drone", "rocket", "military", "artillery", "retaliatory", "preemptive"):
    NOUN_CLASSES[f"{_w}~strike"] = "ATTACK"
for _w in ("hunger", "general", "labour", "labor", "nationwide", "teachers", "workers"):
    NOUN_CLASSES[f"{_w}~strike"] = "PROTEST"

#: event nouns coded on their own when they have participants, a time or a place of their own
NOUN_EVENTS = _parse("""
summit           CONSULT   -             040
meeting          CONSULT   -             040
talk             CONSULT   -             046
talks            CONSULT   -             046
negotiation      CONSULT   -             046
visit            CONSULT   visit         042
trip             CONSULT   visit         042
consultation     CONSULT   -             040
mediation        CONSULT   third-party   045
protest          PROTEST   demo          141
demonstration    PROTEST   demo          141
rally            PROTEST   demo          141
riot             PROTEST   riot          145
attack           ASSAULT   -             190
bombing          ASSAULT   explosives    183
airstrike        ASSAULT   aerial        195
shelling         ASSAULT   heavy-weapons 194
clash            ASSAULT   -             190
fighting         ASSAULT   -             190
offensive        ASSAULT   -             190
invasion         ASSAULT   -             190
massacre         ASSAULT   massacre      202
assassination    ASSAULT   assassinate   186
kidnapping       ASSAULT   abduct        181
rape             ASSAULT   sexual        1821
lynching         ASSAULT   beat          182
firefight        ASSAULT   firearms      193
gunbattle        ASSAULT   firearms      193
shootout         ASSAULT   firearms      193
skirmish         ASSAULT   -             190
arrest           COERCE    arrest        173
crackdown        COERCE    -             175
ceasefire        RETREAT   ceasefire     0871
truce            RETREAT   ceasefire     0871
withdrawal       RETREAT   withdraw      087
sanction         SANCTION  -             163
embargo          SANCTION  -             163
accusation       ACCUSE    allege        112
condemnation     ACCUSE    disapprove    111
investigation    ACCUSE    investigate   090
# -- general coverage (hand-written)
raid             ASSAULT   -             190
ambush           ASSAULT   -             190
assault          ASSAULT   -             190
bombardment      ASSAULT   heavy-weapons 194
incursion        ASSAULT   -             190
killing          ASSAULT   -             190
shooting         ASSAULT   firearms      193
execution        ASSAULT   -             1823
abduction        ASSAULT   abduct        181
hijacking        ASSAULT   abduct        181
siege            COERCE    restrict      191
blockade         COERCE    restrict      191
detention        COERCE    arrest        173
deportation      COERCE    deport        174
boycott          PROTEST   boycott       143
walkout          PROTEST   boycott       143
sit-in           PROTEST   demo          141
release          RETREAT   release       0841
resignation      RETREAT   resign        0831
pullout          RETREAT   withdraw      087
criticism        ACCUSE    disapprove    111
sexual~violence  ASSAULT   sexual        1821
sexual~assault   ASSAULT   sexual        1821
gang~rape        ASSAULT   sexual        1821
mob~violence     PROTEST   riot          145
looting          COERCE    seize         1712
exchange         RETREAT   release       0841
swap             RETREAT   release       0841
arson            COERCE    seize         1712
vandalism        COERCE    seize         1712
""")

#: nouns that carry the meaning of their compound modifier ("mediation effort", "aid deliveries")
CARRIER_NOUNS = set(
    "effort efforts mission process program programme delivery deliveries package "
    "shipment convoy plan initiative bid drive round session".split()
)
#: quantities and parts: the object is what they are of ("tons of aid", "a state of emergency")
PARTITIVE = set(
    "ton tonne kg kilogram pound million billion thousand hundred dozen worth part "
    "series number lot batch day week month state round wave host set amount string spate barrage "
    "volley salvo crowd group band column contingent".split()
)

#: verbs that report speech: not events themselves, their complement is coded instead
REPORTING = set(
    """
say tell announce state add report claim confirm quote note insist declare explain write
stress reiterate assert maintain acknowledge admit reveal disclose indicate suggest argue
believe think conclude predict estimate understand know hear learn
""".split()
)

#: verbs that pass modality to their complement ("plans to meet" is a future meeting)
FUTURE_GOVERNORS = set(
    "plan intend expect schedule set due prepare aim arrange hope want wish "
    "seek mean propose consider go able ready willing "
    "prepared poised likely about eager keen determined".split()
)
HYPOTHETICAL_GOVERNORS = set("consider propose hope want wish seek try attempt".split())

#: verbs for travelling: with a place as destination they are a visit
TRAVEL = set("arrive travel fly go head depart come leave journey return".split())

#: noun cues that set an ASSAULT mode when they occur in the clause
ASSAULT_MODE_CUES = {
    "suicide": "suicide-attack",
    "bomber": "explosives",
    "bomb": "explosives",
    "explosive": "explosives",
    "explosion": "explosives",
    "ied": "explosives",
    "mine": "explosives",
    "minefield": "explosives",
    "grenade": "explosives",
    "bombing": "explosives",
    "gun": "firearms",
    "gunfire": "firearms",
    "gunman": "firearms",
    "gunmen": "firearms",
    "rifle": "firearms",
    "gunbattle": "firearms",
    "bullet": "firearms",
    "sniper": "firearms",
    "artillery": "heavy-weapons",
    "tank": "heavy-weapons",
    "mortar": "heavy-weapons",
    "rocket": "heavy-weapons",
    "missile": "heavy-weapons",
    "shell": "heavy-weapons",
    "airstrike": "aerial",
    "warplane": "aerial",
    "aircraft": "aerial",
    "jet": "aerial",
    "helicopter": "aerial",
    "gunship": "aerial",
    "air": "aerial",
    "drone": "drone",
    "predator": "drone",
    "machete": "primitive",
    "knife": "primitive",
    "stone": "primitive",
    "axe": "primitive",
}

#: CAMEO code per ASSAULT mode (when the verb gave only the generic 190)
ASSAULT_MODE_CAMEO = {
    "explosives": "183",
    "suicide-attack": "1831",
    "firearms": "193",
    "heavy-weapons": "194",
    "aerial": "195",
    "drone": "195",
    "primitive": "180",
}

#: nouns that make a verb PROTEST rather than something else ("strike" by workers)
LABOUR_STRIKE = {"general", "hunger", "labour", "labor", "worker", "workers", "nationwide"}

#: verbs whose negation is a rejection ("will not accept" is REJECT)
NEGATED_TO_REJECT = {"AGREE", "SUPPORT", "CONCEDE"}

#: CAMEO code of an announced intention (modality future): CAMEO writes intent as 03x / 13x
INTENT_CAMEO = {
    "CONSULT": "036",
    "AID": "033",
    "COOPERATE": "031",
    "SUPPORT": "032",
    "CONCEDE": "035",
    "RETREAT": "035",
    "ASSAULT": "138",
    "MOBILIZE": "138",
    "SANCTION": "131",
    "COERCE": "132",
    "PROTEST": "133",
}

#: governors that express an intention (CAMEO 03x / 13x) rather than a schedule ("will", "is due to")
INTENT_GOVERNORS = set(
    "seek want wish hope aim intend plan mean ready willing prepared eager keen "
    "determined able propose consider".split()
)

#: nouns for crowds in protest: what they do is a protest (violence by them a riot)
PROTESTER_NOUNS = set(
    "protester protesters protestor protestors demonstrator demonstrators rioter mob mobs "
    "rioters marcher marchers striker strikers picketer picketers".split()
)
#: verbs of gathering and moving that make a protest when protesters do them
PROTEST_MOTION = set(
    "gather rally march converge pour assemble chant walk throng flood fill take "
    "occupy block stage hold continue defy denounce demand call shout burn wave "
    "carry sing return take_to".split()
)

#: verbs of occurring: an event noun as their subject is the event ("fighting erupted in Darfur")
OCCUR = set(
    "erupt break_out occur happen take_place continue intensify escalate resume flare rage "
    "spread begin start break paralyse paralyze cripple rock shake grip engulf sweep hit".split()
)
#: verbs whose event-noun object is the subject's own act ("announced the withdrawal of its forces")
ANNOUNCE_NOUN = set(
    "announce declare order complete begin start launch conduct continue resume "
    "finish undertake organize organise authorize authorise approve".split()
)

#: causes that make deaths and damage a disaster or an accident, not an assault
DISASTER_NOUNS = set(
    """earthquake quake tremor aftershock tsunami flood floods flooding flash rain rains
downpour downpours storm storms cyclone hurricane typhoon tornado landslide landslides mudslide
avalanche eruption volcano wildfire wildfires fire fires blaze blazes inferno heatwave heat drought
crash collision accident derailment leak spill stampede collapse disease virus outbreak epidemic
pandemic poisoning lightning snow snowstorm blizzard wind winds""".split()
)
#: words that make "described X as ..." / "called X ..." a criticism or a praise
PEJORATIVE = set(
    """lie lies mistake error provocation violation crime terrorism terrorist aggression interference
insult outrage outrageous farce sham fabrication propaganda unacceptable cowardly barbaric criminal
illegal irresponsible absurd ridiculous baseless groundless slander blunder betrayal disgrace
shameful hostile dangerous act~of~war threat racist fascist genocide massacre atrocity""".split()
)
LAUDATORY = set(
    """success successful victory milestone breakthrough positive constructive historic
landmark welcome encouraging triumph achievement""".split()
)
#: aircraft: what they strike or destroy is attacked from the air
AIRCRAFT_NOUNS = set(
    "warplane warplanes jet jets aircraft drone drones helicopter helicopters gunship "
    "gunships bomber bombers airstrike airstrikes".split()
)
#: things whose exploding is an attack (other things exploding are accidents)
EXPLOSIVE_NOUNS = set(
    """bomb bombs device devices ied ieds explosive explosives mine mines landmine
grenade grenades bomber bombers car_bomb rocket rockets missile missiles shell shells mortar""".split()
)
