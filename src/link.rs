//! Stage 4: the link step. Joins the facts of the recognisers and builds
//! the [`Document`]:
//!
//! - people's affiliations get the canonical names of their organisations,
//!   and the issuer gets its head;
//! - an attendee item is the person or organisation named inside it;
//! - an event gets its date, times, venue and attendees from the places
//!   its recogniser found for them;
//! - a commitment without an actor of its own gets the speaker of its
//!   quotation or the issuer.

use crate::Span;
use crate::analysis::Analysis;
use crate::document::{
    Attendee, Commitment, Contact, Document, Event, Issuer, Organization, Person, Quote, Ref,
    Snippet,
};
use crate::entities::Facts;
use crate::entities::attendees::{Found as AttendeeFound, Role as AttendeeRole};
use crate::entities::commitments::{Actor, Found as CommitmentFound};
use crate::entities::events::{Found as EventFound, Scope};

/// Fills `doc` (which holds the structure already) with the facts, joined.
pub(crate) fn assemble(a: &Analysis<'_>, facts: Facts, doc: &mut Document) {
    let Facts {
        header,
        dates,
        durations,
        times,
        venues,
        contacts,
        organizations,
        people,
        attendees,
        events,
        quotes,
        commitments,
        warnings,
    } = facts;
    let mut orgs = organizations.organizations;
    let mut mentions = people;
    mentions.extend(contact_people(a, &contacts));
    add_departments(a, &contacts, &mut orgs);
    add_affiliations(a, &mentions, &mut orgs);
    orgs.sort_by_key(|o| o.mentions.first().map(|m| m.span));
    for (id, org) in orgs.iter_mut().enumerate() {
        org.id = id;
    }
    let mut people = merge_people(mentions, &orgs);
    let mut issuer = organizations.issuer;
    if let Some(issuer) = issuer.as_mut() {
        issuer.organization_id = org_id(&orgs, &issuer.name);
        issuer.head = people
            .iter()
            .find(|p| {
                p.affiliation.as_deref() == Some(issuer.name.as_str())
                    && p.title
                        .as_deref()
                        .is_some_and(|t| a.lexicon.is_head_title(t))
            })
            .cloned();
    }
    let mut attendees = resolve_attendees(a, &attendees, &mut people, &orgs);
    let names = Names {
        people: &people,
        orgs: &orgs,
    };
    for at in &mut attendees {
        at.entity = at
            .name
            .as_deref()
            .and_then(|n| names.person(n))
            .or_else(|| at.organization.as_deref().and_then(|o| names.org(o)));
    }
    doc.header = header;
    doc.dates = dates;
    doc.durations = durations;
    doc.times = times;
    doc.venues = venues;
    doc.contacts = contacts
        .into_iter()
        .map(|mut c| {
            c.person_id = c.name.as_deref().and_then(|n| person_id(&people, n));
            c.department_id = c.department.as_deref().and_then(|d| org_id(&orgs, d));
            c
        })
        .collect();
    doc.events = situate_events(a, events, doc, &attendees, &names);
    let quotes: Vec<Quote> = quotes
        .into_iter()
        .map(|f| {
            let mut q = f.quote;
            let by_span = f.speaker_span.and_then(|span| names.within(span));
            let by_name = q.speaker.as_deref().and_then(|s| names.named_in(s));
            // A person wins over an organisation (`권오을 국가보훈부 장관`).
            q.speaker_ref = match (by_span, by_name) {
                (Some(Ref::Organization(_)), Some(Ref::Person(p))) => Some(Ref::Person(p)),
                (span, name) => span.or(name),
            };
            if let (Some(Ref::Person(p)), Some(speaker)) = (q.speaker_ref, q.speaker.as_mut())
                && let Some(person) = people.get(p)
            {
                named_in_full(speaker, &person.name);
            }
            q
        })
        .collect();
    doc.commitments = with_actors(commitments, &quotes, issuer.as_ref(), &names);
    doc.quotes = quotes;
    doc.attendees = attendees;
    doc.people = people;
    doc.organizations = orgs;
    doc.issuer = issuer;
    doc.warnings.extend(warnings);
    for w in &mut doc.warnings {
        w.char_span = a.source.char_span(w.span);
    }
}

/// The people and organisations of the document, for pointing at them.
struct Names<'d> {
    people: &'d [Person],
    orgs: &'d [Organization],
}

impl Names<'_> {
    /// The person named `name`.
    fn person(&self, name: &str) -> Option<Ref> {
        person_id(self.people, name).map(Ref::Person)
    }

    /// The organisation written `name` (its name or an alias).
    fn org(&self, name: &str) -> Option<Ref> {
        org_id(self.orgs, name).map(Ref::Organization)
    }

    /// The person (else the organisation) mentioned inside `span`.
    fn within(&self, span: Span) -> Option<Ref> {
        let person = self
            .people
            .iter()
            .find(|p| p.mentions.iter().any(|m| span.contains(m.span)));
        let org = || {
            self.orgs
                .iter()
                .filter_map(|o| Some((o.mentions.iter().find(|m| span.contains(m.span))?, o)))
                .max_by_key(|(m, _)| m.span.start)
                .map(|(_, o)| Ref::Organization(o.id))
        };
        person.map(|p| Ref::Person(p.id)).or_else(org)
    }

    /// The person (else the organisation) whose name a phrase holds
    /// (`박진규 산업통상자원부 1차관`, `산업부`).
    fn named_in(&self, phrase: &str) -> Option<Ref> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let person = self
            .people
            .iter()
            .find(|p| words.iter().any(|w| w.starts_with(p.name.as_str())));
        let org = || {
            words.iter().rev().find_map(|w| {
                self.orgs
                    .iter()
                    .find(|o| o.name == *w || o.aliases.iter().any(|x| x == w))
            })
        };
        person
            .map(|p| Ref::Person(p.id))
            .or_else(|| org().map(|o| Ref::Organization(o.id)))
    }
}

/// A speaker or actor named by surname and title (`황 장관`) written with
/// the person's full name (`황종우 장관`), as a reader of the quote alone
/// needs it.
fn named_in_full(phrase: &mut String, name: &str) {
    if phrase.split_whitespace().any(|w| w.starts_with(name)) {
        return;
    }
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    let Some(at) = words
        .iter()
        .position(|w| w.chars().count() == 1 && name.starts_with(*w) && name.len() > w.len())
    else {
        return;
    };
    words[at] = name;
    *phrase = words.join(" ");
}

/// The index of the person named `name`.
fn person_id(people: &[Person], name: &str) -> Option<usize> {
    people.iter().position(|p| p.name == name)
}

/// The index of the organisation written `name` (its name or an alias).
fn org_id(orgs: &[Organization], name: &str) -> Option<usize> {
    orgs.iter()
        .position(|o| o.name == name || o.aliases.iter().any(|x| x == name))
}

/// The people of the contact block: one mention per named contact, its
/// department as the affiliation, its mention the name as written in the
/// row (`전  진`).
fn contact_people(a: &Analysis<'_>, contacts: &[Contact]) -> Vec<Person> {
    contacts
        .iter()
        .filter_map(|c| {
            let name = c.name.as_deref()?;
            let span = find_spaced(a, c.mention.span, name).unwrap_or(c.mention.span);
            Some(Person {
                mention: a.source.snippet(span),
                name: name.to_string(),
                title: c.title.clone(),
                affiliation: c.department.clone(),
                affiliation_id: None,
                id: 0,
                mentions: Vec::new(),
            })
        })
        .collect()
}

/// The contact block's departments as organisations: a mention of an
/// organisation found already, or a new one. A department cell may name
/// several units (`산업정책관 산업정책과`, `강진군청 해양수산과`), and a
/// misread cell a person (`향촌복지과 신세연`): each unit is an
/// organisation, and what names none is left out.
fn add_departments(a: &Analysis<'_>, contacts: &[Contact], orgs: &mut Vec<Organization>) {
    for c in contacts {
        let Some(department) = c.department.as_deref() else {
            continue;
        };
        // `김홍섭 (054-912-0220)`: a name read as the department of a row
        // that names no one else.
        if c.name.is_none() && is_person_like(a, department) {
            continue;
        }
        add_units(a, orgs, department, c.mention.span);
    }
}

/// Adds the organisations a department or affiliation as written names
/// (`청년취업지원과 사회적기업과`: two units), each found inside `within`;
/// the whole as written is an alias of the last, most specific one (as
/// `외교부 영사안전국` is of `영사안전국`), so that it still points at an
/// organisation. What names no unit (`무안공항`) is an organisation as
/// written.
fn add_units(a: &Analysis<'_>, orgs: &mut Vec<Organization>, written: &str, within: Span) {
    let units = units_of(a, written);
    let Some(last) = units.last() else {
        // `무안공항`: a body the lexicon does not know; not `담당자`, nor a
        // spaced name (`최 경`).
        let label = a.lexicon.is_contact_title(written) || written.ends_with('자');
        let spaced = written.split_whitespace().any(|w| w.chars().count() == 1);
        if !label && !spaced && !is_person_like(a, &written.replace(' ', "")) {
            let span = find_spaced(a, within, written);
            add_org(a, orgs, written, span);
        }
        return;
    };
    for unit in &units {
        let span = find_spaced(a, within, unit);
        add_org(a, orgs, unit, span);
    }
    if written != last
        && let Some(org) = orgs
            .iter_mut()
            .find(|o| o.name == *last || o.aliases.iter().any(|x| x == last))
        && org.name != written
        && !org.aliases.iter().any(|x| x == written)
    {
        org.aliases.push(written.to_string());
    }
}

/// Whether `text` reads as a person's name rather than a unit: three
/// Hangul syllables after a surname, with no ending of a unit after a
/// head of more than two syllables.
fn is_person_like(a: &Analysis<'_>, text: &str) -> bool {
    let n = text.chars().count();
    crate::analysis::words::is_hangul(text)
        && (2..=3).contains(&n)
        && a.lexicon.starts_with_surname(text)
        && !a.lexicon.org.gazetteer.knows(text)
        && !a.lexicon.org.has_institution_ending(text)
}

/// Units whose names say nothing without their institution's
/// (`전기위원회 사무국`).
const BARE_UNITS: &[&str] = &["사무국", "사무처", "비서실"];

/// The organisations a department cell names, in order: each a unit or
/// institution with the words that qualify it before (`범정부
/// 생명지킴추진본부`, `디지털 이용자 기반과`), or a name the gazetteers know
/// written in two words (`방송미디어 통신위원회`).
fn units_of(a: &Analysis<'_>, department: &str) -> Vec<String> {
    let cleaned = department.replace("<br>", " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let org = &a.lexicon.org;
    let names =
        |w: &str| org.is_org_name(w) || org.unit_ending(w).is_some() || BARE_UNITS.contains(&w);
    let mut out: Vec<String> = Vec::new();
    let mut pending: Vec<&str> = Vec::new();
    let mut i = 0;
    while let Some(&w) = words.get(i) {
        let pair = words
            .get(i + 1)
            .filter(|n| org.gazetteer.knows(&format!("{w}{n}")));
        if let Some(next) = pair {
            pending.clear();
            out.push(format!("{w} {next}"));
            i += 2;
            continue;
        }
        // `사무관 강주실`: a title and the name after it are no unit.
        if a.lexicon.is_contact_title(w) && !names(w) {
            pending.clear();
            if words.get(i + 1).is_some_and(|n| is_person_like(a, n)) {
                i += 1;
            }
            i += 1;
            continue;
        }
        // `장흥군민은 장흥군보건소`: a word with a particle qualifies nothing.
        if !names(w)
            && w.ends_with([
                '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과',
            ])
        {
            pending.clear();
            i += 1;
            continue;
        }
        pending.push(w);
        if names(w) {
            let unit = std::mem::take(&mut pending).join(" ");
            match out.last_mut() {
                Some(parent) if BARE_UNITS.contains(&w) => {
                    parent.push(' ');
                    parent.push_str(&unit);
                }
                _ => out.push(unit),
            }
        }
        i += 1;
    }
    out
}

/// The organisations people are affiliated with that are not among the
/// organisations yet (`광운대` before `교수`).
fn add_affiliations(a: &Analysis<'_>, people: &[Person], orgs: &mut Vec<Organization>) {
    for p in people {
        if let Some(affiliation) = p.affiliation.as_deref() {
            add_units(a, orgs, affiliation, p.mention.span);
        }
    }
}

/// Adds the mention at `span` (when known) of the organisation written
/// `name`: to the organisation of that name or alias, or of the name the
/// gazetteers give it (`강진군청` is `강진군`), or whose mention holds it
/// (`광주전남본부` inside `한국노인인력개발원 광주전남본부`); else as a new
/// one.
fn add_org(a: &Analysis<'_>, orgs: &mut Vec<Organization>, name: &str, span: Option<Span>) {
    let mention = span.map(|s| a.source.snippet(s));
    let known = a
        .lexicon
        .org
        .gazetteer
        .short_form(name)
        .unwrap_or_default()
        .into_iter()
        .map(str::to_string)
        .chain(
            a.lexicon
                .org
                .gazetteer
                .by_name(name)
                .map(|o| o.name.clone()),
        )
        .collect::<Vec<String>>();
    let named = |o: &Organization| {
        o.name == name || o.aliases.iter().any(|x| x == name) || known.contains(&o.name)
    };
    // Written inside a longer mention, or (without a span) the end of a
    // longer name (`한국노인인력개발원 광주전남본부`).
    let holding = |o: &Organization| match span {
        Some(s) => o.mentions.iter().any(|m| m.span.contains(s)),
        None => name.chars().count() >= 3 && o.name.ends_with(&format!(" {name}")),
    };
    let at = orgs
        .iter()
        .position(named)
        .or_else(|| orgs.iter().position(holding));
    // `기반과` found alone inside `디지털 이용자 기반과`: the longer name wins.
    let inside = |o: &Organization| {
        span.is_some_and(|s| {
            o.mentions.len() == 1 && o.mentions.iter().all(|m| s.contains(m.span) && m.span != s)
        })
    };
    if at.is_none()
        && let (Some(m), Some(org)) = (mention.clone(), orgs.iter_mut().find(|o| inside(o)))
    {
        org.name = name.to_string();
        org.aliases.clear();
        org.mentions = vec![m];
        return;
    }
    match at.and_then(|i| orgs.get_mut(i)) {
        Some(org) => {
            if let Some(m) = mention
                && !org.mentions.iter().any(|x| x.span.contains(m.span))
            {
                let at = org.mentions.partition_point(|x| x.span < m.span);
                org.mentions.insert(at, m);
            }
        }
        None => orgs.push(Organization {
            name: known
                .first()
                .cloned()
                .unwrap_or_else(|| without_legal_form(name).to_string()),
            aliases: known
                .first()
                .filter(|k| k.as_str() != name)
                .map(|_| vec![name.to_string()])
                .unwrap_or_default(),
            mentions: mention.into_iter().collect(),
            id: 0,
        }),
    }
}

/// A company's name without its legal-form mark (`㈜농심` → `농심`).
fn without_legal_form(name: &str) -> &str {
    let trimmed = name
        .trim_start_matches("㈜")
        .trim_start_matches("(주)")
        .trim_start_matches("주식회사")
        .trim_end_matches("㈜")
        .trim_end_matches("(주)")
        .trim();
    if trimmed.is_empty() { name } else { trimmed }
}

/// Where `needle` stands inside `within`, its chars perhaps spaced out
/// (`전  진` for `전진`, `과  장` for `과장`).
fn find_spaced(a: &Analysis<'_>, within: Span, needle: &str) -> Option<Span> {
    let text = a.text(within);
    let wanted: Vec<char> = needle.chars().filter(|c| !c.is_whitespace()).collect();
    let first = *wanted.first()?;
    for (start, c) in text.char_indices() {
        if c != first {
            continue;
        }
        let mut rest = wanted.iter().skip(1).peekable();
        let mut end = start + c.len_utf8();
        for (at, d) in text[end..].char_indices() {
            let Some(&&next) = rest.peek() else { break };
            if d == next {
                rest.next();
                end = start + c.len_utf8() + at + d.len_utf8();
            } else if !d.is_whitespace() {
                break;
            }
        }
        if rest.peek().is_none() {
            return Some(Span::new(within.start + start, within.start + end));
        }
    }
    None
}

/// One entry per person, in order of first mention: the mentions of one
/// name joined, the first title and affiliation written kept, the
/// affiliation under its organisation's canonical name.
fn merge_people(mut mentions: Vec<Person>, orgs: &[Organization]) -> Vec<Person> {
    mentions.sort_by_key(|p| p.mention.span);
    let mut out: Vec<Person> = Vec::new();
    for mut p in mentions {
        if let Some(a) = p.affiliation.as_mut()
            && let Some(name) = canonical(orgs, a)
        {
            *a = name.to_string();
        }
        match out.iter_mut().find(|q| q.name == p.name) {
            Some(q) => {
                if q.title.is_none() {
                    q.title = p.title;
                }
                if q.affiliation.is_none() {
                    q.affiliation = p.affiliation;
                }
                if !q.mentions.iter().any(|m| m.span == p.mention.span) {
                    q.mentions.push(p.mention);
                }
            }
            None => {
                p.mentions = vec![p.mention.clone()];
                out.push(p);
            }
        }
    }
    for (id, p) in out.iter_mut().enumerate() {
        p.id = id;
        p.affiliation_id = p.affiliation.as_deref().and_then(|a| org_id(orgs, a));
    }
    out
}

/// The canonical name of the organisation written `text`.
fn canonical<'o>(orgs: &'o [Organization], text: &str) -> Option<&'o str> {
    orgs.iter()
        .find(|o| o.name == text || o.aliases.iter().any(|a| a == text))
        .map(|o| o.name.as_str())
}

/// The attendees of the items found: for each, the person named inside
/// (or named elsewhere with the title the item gives, or by the item's
/// own shape), else the organisation named inside as written, else the
/// item itself when it looks like a name. Items that name nobody (a
/// count, a general noun) are left out, and so is an attendee found twice.
/// A person the people recogniser did not know (`주성관 고려대학교 …
/// 교수`, `강나라(배우)`) joins `people`.
fn resolve_attendees(
    a: &Analysis<'_>,
    found: &[AttendeeFound],
    people: &mut Vec<Person>,
    orgs: &[Organization],
) -> Vec<Attendee> {
    let mut out: Vec<Attendee> = Vec::new();
    for f in found {
        let Some(at) = attendee(a, f, people, orgs) else {
            continue;
        };
        let key = |x: &Attendee| {
            x.name
                .clone()
                .or_else(|| x.organization.clone())
                .unwrap_or_else(|| x.mention.text.clone())
        };
        if !out.iter().any(|x| key(x) == key(&at)) {
            out.push(at);
        }
    }
    out.sort_by_key(|a| a.mention.span);
    out
}

/// The attendee of one item, if it names one.
fn attendee(
    a: &Analysis<'_>,
    f: &AttendeeFound,
    people: &mut Vec<Person>,
    orgs: &[Organization],
) -> Option<Attendee> {
    let item = f.span;
    let mentioned = |p: &&Person| p.mentions.iter().any(|m| item.contains(m.span));
    let person = people
        .iter()
        .find(mentioned)
        .or_else(|| {
            f.title
                .as_deref()
                .and_then(|t| person_by_title(a, people, orgs, item, t))
        })
        .map(|p| p.id);
    let person = person.or_else(|| new_person(a, f, people, orgs));
    let as_person = |p: &Person| Attendee {
        mention: a.source.snippet(item),
        group: f.group.clone(),
        name: Some(p.name.clone()),
        title: p.title.clone(),
        organization: p.affiliation.clone(),
        entity: None,
    };
    if let Some(p) = person.and_then(|i| people.get(i)) {
        return Some(as_person(p));
    }
    let persons_only = matches!(
        f.role,
        AttendeeRole::Chair | AttendeeRole::Subject { orgs: false }
    );
    if persons_only {
        return None;
    }
    if f.count {
        return None;
    }
    // The organisation as the item writes it (`MS`, `수협`), under its full
    // name when the form is one the release defines (`이하 과기정통부`); of
    // several, the longest (`국가유산청 … 국립서울문화유산연구소`: the last
    // when as long). A unit written after it stays (`한국노인인력개발원
    // 광주전남본부`, `광주은행 담양지점`), and so does an item that is an
    // organisation's name by its form where the mention is a piece of it.
    let written: String = a.text(item).split_whitespace().collect();
    let defined = |form: &str| {
        a.definitions()
            .iter()
            .any(|d| d.alias.as_deref() == Some(form))
    };
    let org = orgs
        .iter()
        .flat_map(|o| o.mentions.iter().map(move |m| (m, o)))
        .filter(|(m, _)| item.contains(m.span))
        .max_by_key(|(m, _)| (m.text.chars().count(), m.span.start))
        .map(|(m, o)| {
            // `광주은행 담양지점`, `LG전자 베스트샵 담양점`: an organisation,
            // then its unit.
            let text = a.text(item).trim();
            let first_named = text.split_whitespace().next().is_some_and(|w| {
                a.lexicon.is_org_name(w)
                    || o.mentions.iter().chain(std::iter::once(m)).any(|x| {
                        x.span.start == item.start && x.text.split_whitespace().count() == 1
                    })
            });
            let count = text.split_whitespace().count();
            let unit = (2..=3).contains(&count)
                && (first_named || m.span.start == item.start)
                && UNITS.iter().any(|u| text.ends_with(u));
            let form: String = m.text.split_whitespace().collect();
            // `과학기술정보통신부` read as the piece `과학기술정보통`.
            let piece = !a.text(item).trim().contains(' ') && written.starts_with(&form);
            if unit {
                a.text(item).to_string()
            } else if written.len() > form.len() && (piece || a.lexicon.is_org_name(&written)) {
                written.clone()
            } else if defined(&m.text) {
                o.name.clone()
            } else {
                m.text.clone()
            }
        });
    // `국무총리(주재)`, `금융위원장`: a title alone names no organisation
    // as the list writes it; the attendee keeps its title.
    let written_title = a.text(item).split('(').next().unwrap_or("").trim();
    let bare_title = f.title.as_deref() == Some(written_title);
    let organization = match org {
        _ if bare_title => None,
        Some(o) => Some(o),
        None if f.named => Some(without_title(a, a.text(item))),
        None => return None,
    };
    Some(Attendee {
        mention: a.source.snippet(item),
        group: f.group.clone(),
        name: None,
        title: f.title.clone(),
        organization,
        entity: None,
    })
}

/// Endings of the units of an organisation written after its name.
const UNITS: &[&str] = &[
    "사무국",
    "본부",
    "지부",
    "지사",
    "지점",
    "점",
    "지회",
    "지청",
    "분원",
    "사업소",
    "출장소",
    "센터",
    "팀",
    "과",
    "국",
    "실",
    "단",
];

/// `주하갓냐출장소장`: an organisation named by the title of its head, the
/// title left out when what stays is an organisation's name.
fn without_title(a: &Analysis<'_>, text: &str) -> String {
    let text = text.trim();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for n in 1..=3 {
        let Some(&(at, _)) = chars.len().checked_sub(n).and_then(|i| chars.get(i)) else {
            break;
        };
        let (rest, title) = text.split_at(at);
        if a.lexicon.title_ending(title) == Some(title) && a.lexicon.is_org_name(rest) {
            return rest.to_string();
        }
    }
    text.to_string()
}

/// The one person of the document with the title an item gives
/// (`국무총리(주재)`, `전기위원회 위원장`, `범정부 생명지킴본부장`), of the
/// organisation the item names when it names one.
fn person_by_title<'p>(
    a: &Analysis<'_>,
    people: &'p [Person],
    orgs: &[Organization],
    item: Span,
    title: &str,
) -> Option<&'p Person> {
    let compact: String = a.text(item).split_whitespace().collect();
    let compact = compact.split('(').next().unwrap_or(&compact).to_string();
    let titled: Vec<&Person> = people
        .iter()
        .filter(|p| {
            p.title
                .as_deref()
                .is_some_and(|t| t == title || (t.chars().count() >= 2 && compact.ends_with(t)))
        })
        .collect();
    let named: Vec<&Organization> = orgs
        .iter()
        .filter(|o| o.mentions.iter().any(|m| item.contains(m.span)))
        .collect();
    let of_org: Vec<&Person> = titled
        .iter()
        .copied()
        .filter(|p| {
            p.affiliation
                .as_deref()
                .is_some_and(|af| named.iter().any(|o| o.name == af))
        })
        .collect();
    // The one so titled, when of no organisation or of one the item names
    // in part (`범정부 생명지킴본부장` for the 본부장 of 생명지킴추진본부).
    let related = |p: &Person| {
        p.affiliation.as_deref().is_none_or(|af| {
            named.is_empty()
                || named
                    .iter()
                    .any(|o| o.name.contains(af) || af.contains(o.name.as_str()))
        })
    };
    match (of_org.as_slice(), titled.as_slice()) {
        ([one], _) => Some(one),
        ([], [one]) if related(one) => Some(one),
        _ => None,
    }
}

/// Words for what a person named in an attendee list does (`강나라(배우)`),
/// and religious titles written onto the name (`범정스님`).
const OCCUPATIONS: &[&str] = &[
    "가수",
    "배우",
    "방송인",
    "강사",
    "작가",
    "개그맨",
    "코미디언",
    "아나운서",
    "감독",
    "선수",
    "모델",
    "크리에이터",
    "유튜버",
    "화가",
    "시인",
    "소설가",
    "성우",
    "셰프",
    "요리사",
    "스님",
    "신부",
    "목사",
    "교수",
    "연구원",
    "의사",
    "변호사",
];

/// A person the item names by its shape when the people recogniser found
/// none inside: a spaced name (`허  진 이화여대 … 교수`), a name before an
/// organisation and a title (`주성관 고려대학교 … 교수`), a name with what
/// the person does in brackets (`HYNN(박혜원)(가수)`, `강나라(배우)`), or a
/// name with a religious title (`범정스님`). The person joins `people`.
fn new_person(
    a: &Analysis<'_>,
    f: &AttendeeFound,
    people: &mut Vec<Person>,
    orgs: &[Organization],
) -> Option<usize> {
    let item = f.span;
    let (span, name, title) = if f.person {
        (item, a.text(item).to_string(), None)
    } else {
        shaped_name(a, item, orgs)?
    };
    if let Some(p) = people.iter().find(|p| p.name == name) {
        return Some(p.id);
    }
    let affiliation = orgs
        .iter()
        .find(|o| o.mentions.iter().any(|m| item.contains(m.span)));
    let id = people.len();
    people.push(Person {
        mention: a.source.snippet(span),
        name,
        title,
        affiliation: affiliation.map(|o| o.name.clone()),
        affiliation_id: affiliation.map(|o| o.id),
        id,
        mentions: vec![a.source.snippet(span)],
    });
    Some(id)
}

/// The name an item's shape gives, with where it is and the title (see
/// [`new_person`]).
fn shaped_name(
    a: &Analysis<'_>,
    item: Span,
    orgs: &[Organization],
) -> Option<(Span, String, Option<String>)> {
    let text = a.text(item);
    let is_org = |s: Span| {
        orgs.iter()
            .flat_map(|o| o.mentions.iter())
            .any(|m| m.span.start < s.end && s.start < m.span.end)
            || a.lexicon.is_org_name(a.text(s))
    };
    let syllable = |c: char| ('가'..='힣').contains(&c);
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let title_at_end = words.last().is_some_and(|(_, w)| {
        a.lexicon
            .title_ending(w)
            .is_some_and(|t| t.chars().count() >= 2)
    });
    // `허  진 …`, `이 형 석 …`: single syllables, the first a surname.
    let singles: Vec<&(usize, &str)> = words
        .iter()
        .take_while(|(_, w)| w.chars().count() == 1 && w.chars().all(syllable))
        .take(3)
        .collect();
    if let ([(s, first), .., (e, last)], true) = (singles.as_slice(), title_at_end) {
        if singles.len() >= 2 && a.lexicon.is_surname(first) {
            let span = Span::new(item.start + s, item.start + e + last.len());
            let name: String = singles.iter().map(|(_, w)| *w).collect();
            return Some((span, name, last_title(a, &words)));
        }
    }
    // `주성관 고려대학교 전기전자공학부 교수`, `손은아 센터장`.
    // Three syllables (four with a surname of two): a shorter word with a
    // title (`국내 출판사`) is too often no name.
    let name_like = |w: &str, s: Span| {
        let n = w.chars().count();
        (n == 3 || (n == 4 && w.get(..6).is_some_and(|s| a.lexicon.is_surname(s))))
            && w.chars().all(syllable)
            && a.lexicon.starts_with_surname(w)
            && a.lexicon.title_ending(w).is_none()
            && !a.lexicon.not_names.contains(w)
            && !is_org(s)
    };
    let word_span = |(s, w): &(usize, &str)| Span::new(item.start + s, item.start + s + w.len());
    if let (Some(first), true) = (words.first(), title_at_end && words.len() >= 2) {
        let span = word_span(first);
        let second_ok = words.len() == 2 || words.get(1).is_some_and(|w| is_org(word_span(w)));
        if name_like(first.1, span) && second_ok {
            return Some((span, first.1.to_string(), last_title(a, &words)));
        }
    }
    // `행정안전부 재난안전관리본부장 김광용`: a name after its title.
    if let [.., before, last] = words.as_slice() {
        let span = word_span(last);
        if a.lexicon.title_ending(before.1).is_some() && name_like(last.1, span) {
            return Some((span, last.1.to_string(), Some(before.1.to_string())));
        }
    }
    // `HYNN(박혜원)(가수)`, `강나라(배우)`.
    if let Some(open) = text.find('(') {
        let head = text.get(..open).unwrap_or("").trim();
        let last_bracket = text
            .rsplit('(')
            .next()
            .map(|b| b.trim_end_matches(')'))
            .unwrap_or("");
        let span = Span::new(item.start, item.start + head.len());
        if !head.is_empty()
            && !head.contains(' ')
            && head.chars().count() <= 12
            && text.ends_with(')')
            && OCCUPATIONS.contains(&last_bracket)
            && !is_org(span)
        {
            return Some((span, head.to_string(), Some(last_bracket.to_string())));
        }
    }
    // `범정스님`.
    if let [(_, only)] = words.as_slice() {
        for t in ["스님"] {
            if let Some(name) = only.strip_suffix(t).filter(|n| n.chars().count() >= 2) {
                let span = Span::new(item.start, item.start + name.len());
                return Some((span, name.to_string(), Some(t.to_string())));
            }
        }
    }
    None
}

/// The title an item ends with.
fn last_title(a: &Analysis<'_>, words: &[(usize, &str)]) -> Option<String> {
    words
        .last()
        .filter(|(_, w)| a.lexicon.title_ending(w).is_some())
        .map(|(_, w)| w.to_string())
}

/// The events with their date, times, venue and attendees read from their
/// scopes, the first scope first; a bare `회의` with neither date nor place
/// says too little to be told apart from any other meeting, and is left
/// out.
fn situate_events(
    a: &Analysis<'_>,
    found: Vec<EventFound>,
    doc: &Document,
    attendees: &[Attendee],
    names: &Names<'_>,
) -> Vec<Event> {
    let mut out = Vec::new();
    for f in found {
        let mut event = f.event;
        for scope in &f.scopes {
            situate(doc, attendees, &mut event, scope);
        }
        let bare = a.lexicon.event_nouns.contains(&event.name);
        if bare && event.date.is_none() && event.venue.is_none() {
            continue;
        }
        event.venue_id = event
            .venue
            .as_deref()
            .and_then(|v| doc.venues.iter().position(|x| x.text == v));
        event.host_refs = event
            .hosts
            .iter()
            .filter_map(|h| names.org(h).or_else(|| names.named_in(h)))
            .collect();
        event.attendee_refs = event
            .attendees
            .iter()
            .filter_map(|t| attendees.iter().find(|x| &x.mention.text == t)?.entity)
            .collect();
        out.push(event);
    }
    out
}

/// Fills what `event` still lacks from the dates, times, venues and
/// attendees inside `scope`: of several dates or times, the one closest
/// before `scope.near`, else the first.
fn situate(doc: &Document, attendees: &[Attendee], event: &mut Event, scope: &Scope) {
    let inside = |within: &[Span], s: Span| within.iter().any(|w| w.contains(s));
    let pick = |spans: Vec<(Span, usize)>| -> Option<usize> {
        spans
            .iter()
            .filter(|(s, _)| s.start <= scope.near)
            .max_by_key(|(s, _)| s.start)
            .or_else(|| spans.first())
            .map(|(_, i)| *i)
    };
    if event.date.is_none() {
        let dates: Vec<(Span, usize)> = doc
            .dates
            .iter()
            .enumerate()
            .filter(|(_, d)| d.date.is_some() && inside(&scope.when, d.mention.span))
            .map(|(i, d)| (d.mention.span, i))
            .collect();
        event.date = pick(dates)
            .and_then(|i| doc.dates.get(i))
            .and_then(|d| d.date.clone());
    }
    if event.start_time.is_none() {
        let times: Vec<(Span, usize)> = doc
            .times
            .iter()
            .enumerate()
            .filter(|(_, t)| inside(&scope.when, t.mention.span))
            .map(|(i, t)| (t.mention.span, i))
            .collect();
        if let Some(t) = pick(times).and_then(|i| doc.times.get(i)) {
            event.start_time = Some(t.start.clone());
            event.end_time = t.end.clone();
        }
    }
    if event.venue.is_none() {
        event.venue = doc
            .venues
            .iter()
            .find(|v: &&Snippet| inside(&scope.place, v.span))
            .map(|v| v.text.clone());
    }
    for at in attendees {
        if inside(&scope.attendees, at.mention.span) && !event.attendees.contains(&at.mention.text)
        {
            event.attendees.push(at.mention.text.clone());
        }
    }
}

/// The person a phrase names by surname and title (`황 장관`), when one
/// person of that surname holds a title the phrase ends with.
fn by_surname(phrase: &str, names: &Names<'_>) -> Option<Ref> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let [surname, .., title] = words.as_slice() else {
        return None;
    };
    if surname.chars().count() != 1 {
        return None;
    }
    let mut found = names.people.iter().filter(|p| {
        p.name.starts_with(surname)
            && p.name.len() > surname.len()
            && p.title.as_deref().is_some_and(|t| t.ends_with(title))
    });
    match (found.next(), found.next()) {
        (Some(p), None) => Some(Ref::Person(p.id)),
        _ => None,
    }
}

/// The commitments with their actors named: the phrase the text gives, or
/// the speaker of the quotation they stand in, or the issuer.
fn with_actors(
    found: Vec<CommitmentFound>,
    quotes: &[Quote],
    issuer: Option<&Issuer>,
    names: &Names<'_>,
) -> Vec<Commitment> {
    found
        .into_iter()
        .map(|f| {
            let mut c = f.commitment;
            (c.actor, c.actor_ref) = match f.actor {
                Some(Actor::Named(mut name)) => {
                    let r = names.named_in(&name).or_else(|| by_surname(&name, names));
                    if let Some(Ref::Person(p)) = r
                        && let Some(person) = names.people.get(p)
                    {
                        named_in_full(&mut name, &person.name);
                    }
                    (Some(name), r)
                }
                Some(Actor::Issuer) => (
                    issuer.map(|i| i.name.clone()),
                    issuer
                        .and_then(|i| i.organization_id)
                        .map(Ref::Organization),
                ),
                Some(Actor::Speaker(i)) => match quotes.get(i) {
                    Some(q) => (q.speaker.clone(), q.speaker_ref),
                    None => (None, None),
                },
                None => (None, None),
            };
            c
        })
        .collect()
}
