//! The output: a plain serde tree, one [`Document`] per release.
//!
//! Every item that quotes the input has `text`, `span` (UTF-8 bytes) and
//! `char_span` (Unicode scalar values), and `&input[span] == text` always
//! holds. Normalised values (ISO dates, canonical names) sit beside the
//! original text, never instead of it.

use serde::{Deserialize, Serialize};

use crate::Span;

/// The version of the JSON layout; bumped only on breaking changes.
pub const SCHEMA_VERSION: u32 = 1;

/// A piece of the input: its exact text and where it stands.
///
/// # Example
///
/// ```
/// let extractor = bodo::Extractor::new()?;
/// let input = "산업 디지털 전환에 산업계 참여 확산\n□ 산업부는 협력을 밝혔다.";
/// let doc = extractor.extract(input);
/// let title = doc.title.unwrap();
/// assert_eq!(&input[title.span], title.text);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The text exactly as written in the input.
    pub text: String,
    /// UTF-8 byte offsets of `text` in the input.
    pub span: Span,
    /// The same range in Unicode scalar values (Python `str` indices).
    pub char_span: Span,
}

impl Snippet {
    /// The text, as in the input.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// One release, analysed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The headline.
    pub title: Option<Snippet>,
    /// The sub-headlines under the title, without their markers.
    pub subtitles: Vec<Snippet>,
    /// The 보도시점 / 배포 header, when the release has one.
    pub header: Option<Header>,
    /// The issuing ministry or agency, when the text names it.
    pub issuer: Option<Issuer>,
    /// The document tree (pass 1).
    pub blocks: Vec<Block>,
    /// Every date mentioned.
    pub dates: Vec<DateMention>,
    /// Every time of day mentioned.
    pub times: Vec<TimeMention>,
    /// Lengths of time (`7일간`, `3개월`), which are never dates.
    #[serde(default)]
    pub durations: Vec<DurationMention>,
    /// Places where something happens.
    pub venues: Vec<Snippet>,
    /// People, with their titles and affiliations.
    pub people: Vec<Person>,
    /// Organisations, each with its aliases and mentions.
    pub organizations: Vec<Organization>,
    /// Who attended the events of the release.
    pub attendees: Vec<Attendee>,
    /// Events (ceremonies, meetings, festivals …).
    pub events: Vec<Event>,
    /// What named actors agreed, decided or plan.
    pub commitments: Vec<Commitment>,
    /// Quoted speech with its speaker.
    pub quotes: Vec<Quote>,
    /// The contact block: departments, people, phones, e-mails.
    pub contacts: Vec<Contact>,
    /// Odd input and contradictions found on the way.
    pub warnings: Vec<Warning>,
}

/// The kind of a [`Block`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// Template leftovers, the 보도자료 banner and the 보도시점/배포 lines.
    Header,
    /// The headline.
    Title,
    /// A sub-headline.
    Subtitle,
    /// Text with no marker of its own (or continuing the item above).
    Paragraph,
    /// A marked body item: `□`, `ㅇ`, `-` and their variants.
    Item,
    /// A note: `*`, `**`, `※`.
    Note,
    /// A boxed heading (`【 … 】`, `< … >`, `[행사 개요]`) and its lines.
    Box,
    /// A flattened table row, cells joined by ` | `.
    TableRow,
    /// A numbered or bulleted list item (`①`, `❶`, `(1)`, `가.`, `▲`).
    ListItem,
    /// The contact block (담당 부서, 책임자, 담당자 …).
    Contact,
    /// An attachment (붙임, 별첨, 참고) and its contents.
    Attachment,
    /// A line of only table borders (`|`), kept so that no text is lost.
    Separator,
}

/// A node of the document tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The marker as written (`□`, `ㅇ`, `①`, `※`), or `None`.
    pub marker: Option<String>,
    /// Where the marker stands, when there is one.
    pub marker_span: Option<Span>,
    /// The number of a numbered list item (`③` is 3, `가.` is 1).
    pub number: Option<u32>,
    /// Depth in the tree: top-level blocks are 1.
    pub level: u32,
    /// The block's own text, without its marker and trailing `|`.
    pub text: String,
    /// Byte span of `text`.
    pub span: Span,
    /// Char span of `text`.
    pub char_span: Span,
    /// The cells of a table row (empty cells left out).
    #[serde(default)]
    pub cells: Vec<Snippet>,
    /// Footnote references inside the text (`연대*`): the `*` marks.
    #[serde(default)]
    pub footnote_refs: Vec<Snippet>,
    /// Blocks nested under this one.
    pub children: Vec<Block>,
}

/// The 보도시점 / 배포 header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Header {
    /// 보도시점 / 보도일시: when the release may be published.
    pub embargo: Option<DateTimeMention>,
    /// 배포: when it was handed out.
    pub distributed: Option<DateMention>,
}

/// A date with a time of day, such as an embargo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DateTimeMention {
    /// The whole field as written.
    #[serde(flatten)]
    pub mention: Snippet,
    /// ISO date (`YYYY-MM-DD`) when known.
    pub date: Option<String>,
    /// `HH:MM` when given.
    pub time: Option<String>,
    /// A note such as `조간`, `석간`, `배포 즉시`.
    pub note: Option<String>,
}

/// Where the year of a date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// Written in the mention itself.
    Explicit,
    /// Inferred from the release's own dates (its header first).
    Document,
    /// From [`Options::reference_date`](crate::Options::reference_date).
    Reference,
    /// Not known.
    Unknown,
}

/// A date mentioned in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DateMention {
    /// The mention as written.
    #[serde(flatten)]
    pub mention: Snippet,
    /// ISO date (`YYYY-MM-DD`), or `None` when the year or day is unknown.
    pub date: Option<String>,
    /// The weekday written beside it (`월` … `일`).
    pub weekday: Option<String>,
    /// Where the year came from.
    pub year_source: YearSource,
    /// The last day, for ranges (`13~17일`).
    #[serde(default)]
    pub end_date: Option<String>,
}

/// A time of day, or a range of times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TimeMention {
    /// The mention as written.
    #[serde(flatten)]
    pub mention: Snippet,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`, for ranges.
    pub end: Option<String>,
    /// For a lone time, the side left open: `14시까지` is
    /// [`TimeBound::Until`] 14:00.
    #[serde(default)]
    pub bound: Option<TimeBound>,
}

/// Which side of a lone time is open, as the particle after it says.
///
/// # Example
///
/// ```
/// let extractor = bodo::Extractor::new()?;
/// let doc = extractor.extract("□ 접수는 18시 이후 마감한다.");
/// assert_eq!(doc.times[0].start, "18:00");
/// assert_eq!(doc.times[0].bound, Some(bodo::TimeBound::After));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimeBound {
    /// `부터`: from the time on.
    From,
    /// `까지`: up to the time.
    Until,
    /// `이후`, `후`: after it.
    After,
    /// `이전`, `전`, `전까지`: before it.
    Before,
}

/// A length of time: a number and its unit, never a date or a time of day
/// (`7일 안에`, `10일간`, `3개월`, `2시간`).
///
/// # Example
///
/// ```
/// let extractor = bodo::Extractor::new()?;
/// let doc = extractor.extract("□ 신청 후 7일 안에 결과를 알린다.");
/// assert!(doc.dates.is_empty());
/// assert_eq!(doc.durations[0].mention.as_str(), "7일");
/// assert_eq!(doc.durations[0].number, 7);
/// assert_eq!(doc.durations[0].unit, bodo::DurationUnit::Day);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DurationMention {
    /// The number and its unit as written (`7일`, `3개월`).
    #[serde(flatten)]
    pub mention: Snippet,
    /// How many units.
    pub number: u32,
    /// The unit counted.
    pub unit: DurationUnit,
}

/// The unit of a [`DurationMention`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DurationUnit {
    /// `년`.
    Year,
    /// `개월`.
    Month,
    /// `주`, `주일`.
    Week,
    /// `일`.
    Day,
    /// `시간`.
    Hour,
    /// `분`.
    Minute,
}

/// What a fact points to when it names a person or an organisation: the
/// index of the entry in [`Document::people`] or
/// [`Document::organizations`]. Serialised as `{"person": 3}` or
/// `{"organization": 0}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Ref {
    /// `people[i]`.
    Person(usize),
    /// `organizations[i]`.
    Organization(usize),
}

/// The issuing ministry or agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Issuer {
    /// Canonical name (`산업통상자원부`).
    pub name: String,
    /// The short name the release defines (`산업부`).
    pub alias: Option<String>,
    /// Its head as the release names them (`장관: 문승욱`).
    pub head: Option<Person>,
    /// Its entry in [`Document::organizations`].
    #[serde(default)]
    pub organization_id: Option<usize>,
}

/// A person named in the release: one entry per person, with every
/// mention. `text` and `span` are those of the first mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Person {
    /// The mention (name with title and affiliation as written).
    #[serde(flatten)]
    pub mention: Snippet,
    /// The name (`박진규`).
    pub name: String,
    /// The title (`1차관`).
    pub title: Option<String>,
    /// The organisation (`산업통상자원부`), under its canonical name.
    pub affiliation: Option<String>,
    /// The affiliation's entry in [`Document::organizations`].
    #[serde(default)]
    pub affiliation_id: Option<usize>,
    /// This person's index in [`Document::people`], which other facts
    /// point to ([`Ref::Person`]).
    #[serde(default)]
    pub id: usize,
    /// Every mention, in order (the first is the one flattened above).
    #[serde(default)]
    pub mentions: Vec<Snippet>,
}

/// An organisation with its names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Organization {
    /// Canonical (full) name.
    pub name: String,
    /// Other names used for it (`산업부`, `MS`).
    pub aliases: Vec<String>,
    /// Every mention in the text.
    pub mentions: Vec<Snippet>,
    /// This organisation's index in [`Document::organizations`], which
    /// other facts point to ([`Ref::Organization`]).
    #[serde(default)]
    pub id: usize,
}

/// Someone who attended an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attendee {
    /// The attendee as written.
    #[serde(flatten)]
    pub mention: Snippet,
    /// The group label (`정부`, `국회`, `업계`).
    pub group: Option<String>,
    /// The person's name, when the attendee is a person.
    pub name: Option<String>,
    /// The person's title.
    pub title: Option<String>,
    /// The organisation.
    pub organization: Option<String>,
    /// The person (or else the organisation) the attendee is.
    #[serde(default)]
    pub entity: Option<Ref>,
}

/// An event: a ceremony, meeting, festival, briefing …
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// Where the event is named.
    #[serde(flatten)]
    pub mention: Snippet,
    /// Its name (`산업 디지털 전환 페스티벌`).
    pub name: String,
    /// ISO date.
    pub date: Option<String>,
    /// `HH:MM`.
    pub start_time: Option<String>,
    /// `HH:MM`.
    pub end_time: Option<String>,
    /// Where it takes place.
    pub venue: Option<String>,
    /// Who hosts it (주최, 주관).
    pub hosts: Vec<String>,
    /// Who attends.
    pub attendees: Vec<String>,
    /// The venue's index in [`Document::venues`].
    #[serde(default)]
    pub venue_id: Option<usize>,
    /// The people or organisations of `hosts`, where known.
    #[serde(default)]
    pub host_refs: Vec<Ref>,
    /// The people or organisations of `attendees`, where known.
    #[serde(default)]
    pub attendee_refs: Vec<Ref>,
}

/// Something a named actor agreed, decided, plans or pledges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Commitment {
    /// The commitment as written.
    #[serde(flatten)]
    pub mention: Snippet,
    /// Who commits.
    pub actor: Option<String>,
    /// Its number in a numbered list.
    pub index: Option<u32>,
    /// The person or organisation the actor names.
    #[serde(default)]
    pub actor_ref: Option<Ref>,
}

/// Quoted speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// The quoted words, without the quote marks.
    #[serde(flatten)]
    pub mention: Snippet,
    /// Who said it.
    pub speaker: Option<String>,
    /// The person or organisation the speaker names.
    #[serde(default)]
    pub speaker_ref: Option<Ref>,
}

/// A line of the contact block, or a phone number to call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Contact {
    /// The contact as written.
    #[serde(flatten)]
    pub mention: Snippet,
    /// The department or organisation.
    pub department: Option<String>,
    /// The person's name.
    pub name: Option<String>,
    /// Their title (`과장`, `사무관`).
    pub title: Option<String>,
    /// The phone number.
    pub phone: Option<String>,
    /// The e-mail address.
    pub email: Option<String>,
    /// The person's entry in [`Document::people`].
    #[serde(default)]
    pub person_id: Option<usize>,
    /// The department's entry in [`Document::organizations`].
    #[serde(default)]
    pub department_id: Option<usize>,
}

/// Something odd about the input: a numbering gap, a weekday that does not
/// match its date, a stated count that differs from the items listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Warning {
    /// What kind of oddity it is.
    pub kind: WarningKind,
    /// What is wrong, for people.
    pub message: String,
    /// Where, in UTF-8 bytes.
    pub span: Span,
    /// Where, in chars (Unicode scalar values).
    #[serde(default)]
    pub char_span: Span,
}

impl Warning {
    /// A warning of `kind` at `span`; its char span is set when the
    /// document is assembled.
    pub(crate) fn new(kind: WarningKind, message: String, span: Span) -> Warning {
        Warning {
            kind,
            message,
            span,
            char_span: Span::default(),
        }
    }
}

/// The kind of a [`Warning`], serialised as its lowercase name
/// (`"numbering"`, `"weekday"` …).
///
/// # Example
///
/// ```
/// let extractor = bodo::Extractor::new()?;
/// let doc = extractor.extract("제목\n□ 2026년 4월 13일(화) 개최한다.");
/// assert_eq!(doc.warnings[0].kind, bodo::WarningKind::Weekday);
/// assert_eq!(doc.warnings[0].kind.to_string(), "weekday");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A numbered list repeats or skips a number.
    Numbering,
    /// A weekday written beside a date is not that date's weekday.
    Weekday,
    /// A date written as such names no day of the calendar (`2월 30일`).
    Date,
    /// A stated count differs from the items listed beside it.
    Count,
    /// The input itself was odd: empty, or with control characters that
    /// were replaced.
    Input,
    /// The text's layout was odd: a long line without breaks, read as
    /// sentences.
    Layout,
}

impl WarningKind {
    /// The kind's name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::Numbering => "numbering",
            WarningKind::Weekday => "weekday",
            WarningKind::Date => "date",
            WarningKind::Count => "count",
            WarningKind::Input => "input",
            WarningKind::Layout => "layout",
        }
    }
}

/// `kind == "weekday"`: a kind compares equal to its name.
impl PartialEq<&str> for WarningKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for WarningKind {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl std::fmt::Display for WarningKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
