"""Fictitious demo dossiers for ``ondersteuner --demo`` (and benchmarks).

Every person, address and phone number here is invented. Clients are spread over
the stages of the procedure, Wmo and Jeugdwet, some overdue, some with a
verslag, some in bezwaar, so a newcomer sees the working app at once.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from dataclasses import dataclass

from ondersteuner.models.enums import GebeurtenisSoort as S
from ondersteuner.models.enums import MeldingStatus, Wet
from ondersteuner.ui.ops import clients, gemeenten, meldingen
from ondersteuner.ui.ops.snapshots import (
    ClientData,
    ContactData,
    GebeurtenisData,
    MeldingData,
)
from ondersteuner.vault import Vault

_WORDS = (
    "appel",
    "brug",
    "dijk",
    "fiets",
    "haven",
    "klok",
    "molen",
    "paraplu",
    "regen",
    "tulp",
    "vlinder",
    "wolk",
    "zon",
    "kaas",
    "boot",
    "lamp",
)


def demo_passphrase() -> str:
    return " ".join(secrets.choice(_WORDS) for _ in range(4)) + f" {secrets.randbelow(90) + 10}"


@dataclass(frozen=True)
class _Persona:
    naam: str
    aanhef: str
    geboren: dt.date
    adres: str
    postcode: str
    woonplaats: str
    gemeente: str
    hulpvraag: str
    wet: Wet = Wet.WMO
    mantelzorger: tuple[str, str] | None = None


PERSONAS: tuple[_Persona, ...] = (
    _Persona(
        "Geertje Verzonnen-Bos",
        "mevrouw",
        dt.date(1941, 5, 12),
        "Lijsterbesstraat 4",
        "7311 AB",
        "Apeldoorn",
        "Apeldoorn",
        "Kan het huis niet meer schoonhouden na een heupoperatie.",
        mantelzorger=("Anke", "dochter"),
    ),
    _Persona(
        "Hendrik Fictief",
        "heer",
        dt.date(1938, 11, 2),
        "Molenweg 17",
        "8911 CD",
        "Leeuwarden",
        "Leeuwarden",
        "Valt vaak; wil een traplift en hulp bij douchen.",
    ),
    _Persona(
        "Sanne de Testmaker",
        "mevrouw",
        dt.date(1979, 3, 23),
        "Kerkplein 8",
        "3511 LK",
        "Utrecht",
        "Utrecht",
        "Ondersteuning voor zoon met autisme op school en thuis.",
        wet=Wet.JEUGDWET,
    ),
    _Persona(
        "Mohamed El Bedacht",
        "heer",
        dt.date(1956, 8, 30),
        "Havenstraat 101",
        "3024 AA",
        "Rotterdam",
        "Rotterdam",
        "Vervoer naar dagbesteding; kan niet meer fietsen.",
        mantelzorger=("Fatima", "echtgenote"),
    ),
    _Persona(
        "Truus Proefpersoon",
        "mevrouw",
        dt.date(1935, 1, 14),
        "Eikenlaan 3",
        "5611 EF",
        "Eindhoven",
        "Eindhoven",
        "Begeleiding bij geheugenproblemen (beginnende dementie).",
        mantelzorger=("Piet", "buurman"),
    ),
    _Persona(
        "Kees Voorbeeld",
        "heer",
        dt.date(1962, 6, 6),
        "Dorpsstraat 55",
        "9711 GH",
        "Groningen",
        "Groningen",
        "Woningaanpassing: drempels en een verhoogd toilet.",
    ),
    _Persona(
        "Lotte Niet-Echt",
        "mevrouw",
        dt.date(2012, 9, 9),
        "Zandpad 2",
        "6511 JK",
        "Nijmegen",
        "Nijmegen",
        "Jeugdhulp: gezinsbegeleiding na scheiding ouders.",
        wet=Wet.JEUGDWET,
        mantelzorger=("Marloes", "moeder"),
    ),
    _Persona(
        "Bram Verdichtsel",
        "heer",
        dt.date(1948, 12, 24),
        "Stationsweg 12",
        "2011 LM",
        "Haarlem",
        "Haarlem",
        "Huishoudelijke hulp, partner is overbelast.",
        mantelzorger=("Ria", "echtgenote"),
    ),
    _Persona(
        "Wilma Denkbeeld",
        "mevrouw",
        dt.date(1944, 4, 1),
        "Beukenhof 9",
        "4811 NP",
        "Breda",
        "Breda",
        "Rolstoel en aanpassing van de badkamer.",
    ),
    _Persona(
        "Jan-Willem Fabel",
        "heer",
        dt.date(1970, 2, 28),
        "Vondelstraat 77",
        "1054 GN",
        "Amsterdam",
        "Amsterdam",
        "Beschermd wonen na ziekenhuisopname (psychisch).",
    ),
    _Persona(
        "Noor Verzinsel",
        "mevrouw",
        dt.date(1990, 7, 15),
        "Tulpstraat 21",
        "7511 PQ",
        "Enschede",
        "Enschede",
        "Begeleiding bij administratie na hersenletsel.",
        mantelzorger=("Daan", "broer"),
    ),
    _Persona(
        "Ada Onbestaand",
        "mevrouw",
        dt.date(1939, 10, 10),
        "Lindeplein 6",
        "6211 RS",
        "Maastricht",
        "Maastricht",
        "Maaltijdvoorziening en alarmering.",
    ),
    _Persona(
        "Frits Geenmens",
        "heer",
        dt.date(1951, 3, 3),
        "Polderweg 44",
        "8011 TV",
        "Zwolle",
        "Zwolle",
        "Scootmobiel; kan niet meer naar de winkel lopen.",
    ),
    _Persona(
        "Ilse Fantasie",
        "mevrouw",
        dt.date(2009, 1, 20),
        "Parklaan 15",
        "2511 WX",
        "Den Haag",
        "'s-Gravenhage",
        "Jeugd-ggz: hulp bij angstklachten.",
        wet=Wet.JEUGDWET,
        mantelzorger=("Erik", "vader"),
    ),
)

# Each demo client's melding, counted back from today, so that every kind of
# deadline and every status shows up: (days since the melding, events as
# (step, days ago, extra fields)). Index = persona.
STAGES: tuple[tuple[int, tuple[tuple[S, int, dict[str, object]], ...]], ...] = (
    # 0 fresh melding: persoonlijk plan still possible.
    (3, ()),
    # 1 plan handed in on time, invited for the gesprek.
    (20, ((S.ONTVANGSTBEVESTIGING, 18, {}), (S.PERSOONLIJK_PLAN, 15, {}), (S.UITNODIGING, 10, {}))),
    # 2 Jeugdwet aanvraag, the term stood still while it was completed.
    (40, ((S.AANVRAAG, 30, {}), (S.OPSCHORTING, 20, {"tot_datum": 12}))),
    # 3 no gesprek after six weeks: onderzoek and verslag too late.
    (50, ((S.ONTVANGSTBEVESTIGING, 47, {}),)),
    # 4 gesprek held, verslag overdue by the ANBO guideline.
    (30, ((S.UITNODIGING, 26, {}), (S.GESPREK, 20, {}))),
    # 5 beschikking overdue; the gemeente announced a later date.
    (
        60,
        (
            (S.GESPREK, 45, {}),
            (S.VERSLAG_ONTVANGEN, 35, {}),
            (S.AANVRAAG, 18, {}),
            (S.VERDAGING_BESCHIKKING, 8, {"tot_datum": -10}),
        ),
    ),
    # 6 Jeugdwet: an ingebrekestelling that came too early (void).
    (90, ((S.AANVRAAG, 62, {}), (S.INGEBREKESTELLING, 8, {"ontvangen_op": 7}))),
    # 7 valid ingebrekestelling: the dwangsom is running.
    (
        80,
        (
            (S.GESPREK, 65, {}),
            (S.VERSLAG_ONTVANGEN, 55, {}),
            (S.AANVRAAG, 50, {}),
            (S.INGEBREKESTELLING, 30, {"ontvangen_op": 28}),
        ),
    ),
    # 8 beschikking received: the bezwaartermijn ends in a few days.
    (
        90,
        (
            (S.GESPREK, 75, {}),
            (S.VERSLAG_ONTVANGEN, 65, {}),
            (S.AANVRAAG, 60, {}),
            (S.BESCHIKKING, 37, {"ontvangen_op": 35, "kenmerk": "B-2026-311"}),
        ),
    ),
    # 9 in bezwaar with an advisory committee, heard.
    (
        110,
        (
            (S.GESPREK, 100, {}),
            (S.AANVRAAG, 90, {}),
            (S.BESCHIKKING, 70, {"ontvangen_op": 68}),
            (S.BEZWAAR, 50, {"met_adviescommissie": True}),
            (S.HOORZITTING, 20, {}),
        ),
    ),
    # 10 a klacht about the gesprek, not handled in time.
    (100, ((S.GESPREK, 80, {}), (S.KLACHT, 45, {}))),
    # 11 voorziening granted until soon: time for a herindicatie; klacht handled.
    (
        200,
        (
            (S.GESPREK, 185, {}),
            (S.AANVRAAG, 170, {}),
            (S.BESCHIKKING, 150, {"tot_datum": -70, "ontvangen_op": 148}),
            (S.KLACHT, 100, {}),
            (S.KLACHT_AFGEHANDELD, 70, {}),
            (S.HERINDICATIE, -40, {}),  # the gemeente planned a herbeoordeling
        ),
    ),
    # 12 beslissing op bezwaar after an adjournment: beroep possible.
    (
        160,
        (
            (S.BESCHIKKING, 120, {}),
            (S.BEZWAAR, 100, {}),
            (S.VERDAGING_BEZWAAR, 45, {}),
            (S.BESLISSING_OP_BEZWAAR, 10, {}),
        ),
    ),
    # 13 Jeugdwet: the gemeente named a new term in time (Awb 4:14 lid 3).
    (80, ((S.AANVRAAG, 70, {}), (S.VERDAGING_BESCHIKKING, 30, {"tot_datum": -10}))),
)


# Preparation and notes of the gesprek (fictitious, like everything here).
VOORBEREIDING = {
    "waar_loop_ik_tegenaan": "Sinds de val in maart lukt staan en lopen slecht. Het huishouden "
    "blijft liggen en boodschappen doen lukt niet meer.",
    "wat_kan_ik_zelf": "Wassen en aankleden lukt, maar het duurt lang. Koffie zetten en een "
    "boterham smeren gaat nog.",
    "wie_kan_helpen": "Dochter komt twee keer per week, maar werkt fulltime. De buurman helpt "
    "soms met de vuilnisbakken.",
    "waarvoor_ondersteuning": "Hulp bij het schoonmaken (stofzuigen, badkamer) en bij de "
    "boodschappen.",
    "hoe_eruitzien": "Iemand die elke week een paar uur komt; liefst steeds dezelfde persoon.",
    "wensen": "Zo lang mogelijk thuis blijven wonen. Niemand tot last zijn.",
    "punten": "Dochter is moe: vragen naar steun voor de mantelzorger. Vragen naar pgb.",
    "wie_gaat_mee": "Dochter en de cliëntondersteuner.",
}
NOTITIES = {
    "zelf": "Wassen en aankleden lukt zelf, duurt lang\nKoken lukt niet meer: staan doet pijn",
    "netwerk": "Dochter komt 2x per week, werkt fulltime\nBuurman helpt met de tuin\n"
    "AFSPRAAK: dochter vraagt of de buurvrouw boodschappen kan meenemen",
    "hulp": "Consulent noemt maaltijdservice (algemene voorziening)\n"
    "Hulp bij het huishouden besproken, 2,5 uur per week\n"
    "TOEZEGGING: gemeente stuurt informatie over de maaltijdservice",
    "wensen": "WENS: zo lang mogelijk thuis blijven wonen",
    "mantelzorger": "Dochter is overbelast\n"
    "TOEZEGGING: consulent meldt dochter aan bij het steunpunt mantelzorg",
    "eigen_bijdrage": "Eigen bijdrage van € 21,80 per maand uitgelegd",
    "pgb": "Pgb uitgelegd; cliënt kiest zorg in natura",
    "vervolg": "AFSPRAAK: verslag komt binnen twee weken per post\n"
    "CITAAT: Ik wil niemand tot last zijn",
}


# The verslag the gemeente sent after the gesprek, with differences to find: hours
# changed (2,5 → 2), a promise weakened, an afspraak and the mantelzorger's support
# left out, and a claim nobody made (the son).
VERSLAG = """Verslag van het onderzoek naar uw ondersteuningsvraag

Het gesprek vond plaats bij u thuis. Aanwezig waren u, uw dochter, uw cliëntondersteuner
en de consulent Wmo.

Situatie
Meneer geeft aan dat hij zich zelfstandig kan wassen en aankleden, al kost dit meer
tijd dan vroeger. Koken lukt niet meer, omdat lang staan pijn doet.
Zijn dochter komt twee keer per week langs; zij werkt fulltime. De buurman helpt met
de tuin. Meneer geeft aan dat zijn zoon dagelijks kan bijspringen in het huishouden.

Mogelijkheden
De consulent heeft de maaltijdservice als algemene voorziening genoemd. De consulent
onderzoekt of informatie over de maaltijdservice kan worden toegestuurd.
Er is hulp bij het huishouden besproken voor 2 uur per week.
Meneer wil graag zo lang mogelijk thuis blijven wonen.

Eigen bijdrage en pgb
De eigen bijdrage van € 21,80 per maand is uitgelegd. Het pgb is uitgelegd; meneer
kiest voor zorg in natura.

Vervolg
Na ontvangst van dit verslag kunt u een aanvraag indienen. U kunt binnen twee weken op
dit verslag reageren.
"""


def _demo_gesprek(vault: Vault, melding_id: int, datum: dt.date, afgerond: bool) -> None:
    from dataclasses import replace

    from ondersteuner.ui.ops import gesprekken

    g = gesprekken.open_gesprek(vault, melding_id, datum)
    g = replace(
        g,
        locatie="bij de cliënt thuis",
        aanwezigen=g.aanwezigen or "cliënt, consulent gemeente, cliëntondersteuner",
        let_op_afgevinkt=("persoonlijk", "doel", "eigen_bijdrage", "pgb", "verslag_wanneer"),
    )
    when = dt.datetime.combine(datum, dt.time(10, 5))
    gesprekken.save_gesprek(vault, g, NOTITIES, nu=when)
    if afgerond:
        gesprekken.rond_af(vault, g.id)


def fill_demo(vault: Vault, *, today: dt.date | None = None, seed: int = 7) -> list[int]:
    """Add the demo clients to an unlocked vault; returns their ids."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    gemeenten.ensure_gemeenten(vault)
    by_name = {g.naam: g.id for g in gemeenten.list_gemeenten(vault)}
    ids: list[int] = []
    for i, p in enumerate(PERSONAS):
        gid = by_name.get(p.gemeente)
        cid = clients.save_client(
            vault,
            ClientData(
                naam=p.naam,
                aanhef=p.aanhef,
                geboortedatum=p.geboren,
                adres=p.adres,
                postcode=p.postcode,
                woonplaats=p.woonplaats,
                gemeente_id=gid,
                telefoon=f"06 {10000000 + i * 1111111 % 89999999}"[:11],
                toestemming_op=today - dt.timedelta(days=90 + i),
                toestemming_omvang="Gezondheidsgegevens voor de Wmo-procedure",
            ),
        )
        ids.append(cid)
        if p.mantelzorger:
            naam, relatie = p.mantelzorger
            clients.save_contact(
                vault,
                cid,
                ContactData(
                    naam=f"{naam} {p.naam.split()[-1]}",
                    relatie=relatie,
                    is_mantelzorger=True,
                    telefoon="06 12345678",
                ),
            )
        melding_ago, stage = STAGES[i % len(STAGES)]
        mid = meldingen.save_melding(
            vault,
            MeldingData(
                client_id=cid,
                gemeente_id=gid,
                wet=p.wet,
                datum_melding=today - dt.timedelta(days=melding_ago),
                gemeld_door=tr_gemeld(rng),
                hulpvraag=p.hulpvraag,
                spoed=(i == 4),
                kenmerk=f"WMO-{2026}-{1000 + i * 37}" if p.wet is Wet.WMO else f"JGD-{500 + i}",
            ),
        )
        for soort, ago, extra in stage:
            # Extra dates are given as days ago too (negative: in the future).
            dates = {
                k: today - dt.timedelta(days=v)  # type: ignore[operator]
                for k, v in extra.items()
                if k in ("tot_datum", "ontvangen_op", "verzonden_op")
            }
            meldingen.save_gebeurtenis(
                vault,
                GebeurtenisData(
                    melding_id=mid,
                    soort=soort,
                    datum=today - dt.timedelta(days=ago),
                    kenmerk=str(extra.get("kenmerk", "")),
                    met_adviescommissie=bool(extra.get("met_adviescommissie", False)),
                    **dates,  # type: ignore[arg-type]
                ),
            )
        if i in (0, 1, 4, 5):
            from ondersteuner.ui.ops import gesprekken

            gesprekken.save_voorbereiding(vault, gesprekken.VoorbereidingData(mid, VOORBEREIDING))
        held = [ago for soort, ago, _x in stage if soort is S.GESPREK]
        if held and i in (4, 5, 7, 8, 10):
            _demo_gesprek(vault, mid, today - dt.timedelta(days=held[0]), afgerond=True)
        if i == 1:  # invited: notes begun, the gesprek is still to be finished
            _demo_gesprek(vault, mid, today, afgerond=False)
        if i == 5:  # the verslag has arrived: compare it with the notes
            from ondersteuner.compare.importeren import geplakt
            from ondersteuner.ui.ops import verslagen

            received = [ago for soort, ago, _x in stage if soort is S.VERSLAG_ONTVANGEN]
            verslagen.bewaar_verslag(
                vault,
                mid,
                geplakt(VERSLAG),
                dagtekening=today - dt.timedelta(days=received[0] + 2),
                ontvangen_op=today - dt.timedelta(days=received[0]),
            )
        if i in (1, 5):
            # An older, finished melding beside the current one.
            old = meldingen.save_melding(
                vault,
                MeldingData(
                    client_id=cid,
                    gemeente_id=gid,
                    wet=p.wet,
                    datum_melding=today - dt.timedelta(days=melding_ago + 400),
                    hulpvraag="Eerdere aanvraag: hulp bij het huishouden.",
                    gemeld_door="cliënt",
                ),
            )
            meldingen.set_melding_status(vault, old, MeldingStatus.AFGEROND)
    clients.set_client_closed(vault, ids[-2], True)
    _demo_postadressen(vault)
    _demo_brieven(vault, ids, today)
    return ids


def _demo_postadressen(vault: Vault) -> None:
    """Fictitious postal addresses for the demo's gemeenten (marked as such)."""
    from sqlalchemy import select

    from ondersteuner.models import Gemeente

    names = {p.gemeente for p in PERSONAS}
    with vault.session() as s:
        for i, g in enumerate(s.scalars(select(Gemeente).where(Gemeente.naam.in_(names)))):
            g.post_adres = f"Postbus {90000 + i} (demo)"
            g.post_postcode = "9999 ZZ"
            g.post_plaats = g.naam
            g.afdeling = "Team Wmo en Jeugd"
        s.commit()


# Free text the adviser writes, per letter kind (fictitious).
_BRIEF_TEKST: dict[str, dict[str, object]] = {
    "verzoek_tweede_gesprek": {
        "reden": "In het verslag ontbreken de afspraken over de dagbesteding en het "
        "aantal uren begeleiding klopt niet. Dat is te veel om met een brief recht te zetten.",
    },
    "klacht": {
        "gedraging": "Tijdens het gesprek zei de consulent meerdere keren dat mijn dochter "
        "'toch gewoon' meer kan doen. Zij werkt fulltime en heeft zelf twee kinderen. Toen "
        "ik zei dat dat niet gaat, werd ik onderbroken.",
        "gevolgen": "Ik voelde mij niet serieus genomen en durfde niet meer te zeggen wat "
        "ik nodig heb.",
        "verzoek": "Ik vraag een gesprek met een andere consulent en excuses.",
    },
    "bezwaarschrift": {
        "beschikking_omschrijving": "De gemeente kent 2 uur hulp bij het huishouden per "
        "week toe. Ik had 4 uur per week gevraagd.",
        "verzoek": "Ik vraag om 4 uur hulp bij het huishouden per week, zoals in het "
        "gesprek is besproken.",
    },
    "bezwaarschrift_pro_forma": {
        "beschikking_omschrijving": "De gemeente kent 2 uur hulp bij het huishouden per week toe.",
        "termijn_weken": "4",
    },
    "aanvraag_maatwerkvoorziening": {
        "toelichting": "In het gesprek is besproken dat ik door mijn longziekte het "
        "huishouden niet meer zelf kan doen. Mijn dochter kan niet meer helpen dan nu.",
    },
    "machtiging": {"omvang": ""},
}
_BRIEF_GRONDEN = (
    "De gemeente heeft niet onderzocht wat mijn dochter echt kan doen. Zij werkt fulltime. "
    "Mantelzorg is vrijwillig en kan niet worden afgedwongen."
)


def _demo_brieven(vault: Vault, ids: list[int], today: dt.date) -> None:
    """A letter of every kind, some sent, so the archive and the deadlines show them."""
    from ondersteuner import letters
    from ondersteuner.models import Brief
    from ondersteuner.models.enums import BriefStatus
    from ondersteuner.ui.ops import brieven, verslagen

    adviseur = {"naam": "Jet Voorbeeld", "organisatie": "Steunpunt Demo", "telefoon": "06 0000000"}
    melding = {i: meldingen.list_meldingen(vault, cid)[0].id for i, cid in enumerate(ids)}
    # The differences of the demo verslag, queued for the reactie.
    for v in verslagen.list_verslagen(vault, melding[5])[:1]:
        vergeleken = verslagen.vergelijk_verslag(vault, v.id)
        for ref, punt in zip(vergeleken.notities, vergeleken.vergelijking.punten, strict=True):
            if punt.status != "gevonden":
                citaat, correctie = verslagen.correctie_tekst(punt)
                verslagen.opnemen_in_reactie(vault, melding[5], v.id, ref.id, citaat, correctie)
    plan: list[tuple[int, str, BriefStatus]] = [
        (5, "reactie_verslag", BriefStatus.CONCEPT),
        (5, "verzoek_tweede_gesprek", BriefStatus.CONCEPT),
        (5, "aanvraag_maatwerkvoorziening", BriefStatus.VERZONDEN),
        (5, "machtiging", BriefStatus.VERZONDEN),
        (1, "persoonlijk_plan", BriefStatus.VERZONDEN),
        (7, "ingebrekestelling", BriefStatus.BEVESTIGD),
        (8, "bezwaarschrift", BriefStatus.CONCEPT),
        (8, "bezwaarschrift_pro_forma", BriefStatus.CONCEPT),
        (10, "klacht", BriefStatus.VERZONDEN),
    ]
    for i, soort, status in plan:
        gegevens = brieven.gegevens_uit_dossier(
            vault, melding[i], soort, adviseur=adviseur, vandaag=today
        )
        gegevens.update({k: v for k, v in _BRIEF_TEKST.get(soort, {}).items() if v})
        if soort == "bezwaarschrift":
            gegevens["gronden"] = (
                str(gegevens.get("gronden", "")) + "\n\n" + _BRIEF_GRONDEN
            ).strip()
        if soort == "klacht":
            gegevens.setdefault("gedraging_datum", today - dt.timedelta(days=80))
        if soort == "ingebrekestelling":
            # The letter that was sent: dated after the term, before today.
            gegevens["datum"] = gegevens.get("beslistermijn_einde", today) + dt.timedelta(days=1)
        try:
            inhoud = letters.maak_docx(soort, gegevens)
        except letters.OntbrekendeVelden:
            inhoud = b""  # an unfinished concept, as an adviser would leave one
        bid = brieven.bewaar_brief(
            vault, melding[i], soort, gegevens, inhoud, f"{soort.replace('_', '-')}.docx"
        )
        if status is not BriefStatus.CONCEPT:
            # The procedure events of these letters are already in the demo stages.
            with vault.session() as s:
                b = s.get_one(Brief, bid)
                b.status = status
                b.verzonden_op = gegevens.get("datum") if soort == "ingebrekestelling" else None
                b.verzonden_op = b.verzonden_op or today - dt.timedelta(days=20)
                if status is BriefStatus.BEVESTIGD:
                    b.ontvangstbevestiging_op = b.verzonden_op + dt.timedelta(days=2)
                s.commit()


def tr_gemeld(rng: random.Random) -> str:
    return rng.choice(["cliënt zelf", "dochter", "huisarts", "wijkverpleging", "partner"])
