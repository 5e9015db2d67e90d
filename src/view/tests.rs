//! The pages, parsed back with an HTML5 parser.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};

use super::{IndexEntry, render, render_index};
use crate::{Commitment, Document, Extractor, Person, Quote, Snippet, Span, Warning, WarningKind};

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new().expect("the embedded dictionary loads"));

/// Parses a page, failing on any HTML5 parse error (a misnested or
/// unclosed element is one).
fn parse(page: &str) -> Html {
    let html = Html::parse_document(page);
    assert!(html.errors.is_empty(), "parse errors: {:?}", html.errors);
    html
}

fn select<'h>(html: &'h Html, selector: &str) -> Vec<ElementRef<'h>> {
    let selector = Selector::parse(selector).expect("a valid selector");
    html.select(&selector).collect()
}

fn text_of(element: &ElementRef) -> String {
    element.text().collect()
}

/// The snippet of the first `part` in `text`.
fn snippet(text: &str, part: &str) -> Snippet {
    let start = text.find(part).expect("the part is in the text");
    let span = Span::new(start, start + part.len());
    Snippet {
        text: part.to_string(),
        span,
        char_span: Span::new(
            text[..span.start].chars().count(),
            text[..span.end].chars().count(),
        ),
    }
}

/// A release with its blocks from the extractor and the items given.
fn document(text: &str, people: &[&str], quotes: &[&str], commitments: &[&str]) -> Document {
    let mut doc = EXTRACTOR.extract(text);
    doc.people = people
        .iter()
        .enumerate()
        .map(|(id, p)| Person {
            mention: snippet(text, p),
            name: p.to_string(),
            title: None,
            affiliation: None,
            affiliation_id: None,
            id,
            mentions: vec![snippet(text, p)],
        })
        .collect();
    doc.quotes = quotes
        .iter()
        .map(|q| Quote {
            mention: snippet(text, q),
            speaker: None,
            speaker_ref: None,
        })
        .collect();
    doc.commitments = commitments
        .iter()
        .map(|c| Commitment {
            mention: snippet(text, c),
            actor: None,
            index: None,
            actor_ref: None,
        })
        .collect();
    doc
}

#[test]
fn a_person_inside_a_quote_inside_a_commitment() {
    let text = "제목\n□ 장관은 “박진규 차관과 함께 지원하겠다”고 약속했다.\n";
    let doc = document(
        text,
        &["박진규 차관"],
        &["박진규 차관과 함께 지원하겠다"],
        &["“박진규 차관과 함께 지원하겠다”고 약속했다"],
    );
    let html = parse(&render(text, &doc));
    let nested = select(&html, ".text mark.commitment > mark.quote > mark.person");
    assert_eq!(nested.len(), 1);
    assert_eq!(text_of(&nested[0]), "박진규 차관");
    let quote = select(&html, ".text mark.quote");
    assert_eq!(text_of(&quote[0]), "박진규 차관과 함께 지원하겠다");
    assert_eq!(quote[0].attr("title"), Some("quote: said by ?"));
    assert_eq!(quote[0].attr("id"), Some("quote-0-0"));
    let span = doc.quotes[0].mention.span;
    let data_span = format!("{}-{}", span.start, span.end);
    assert_eq!(quote[0].attr("data-span"), Some(data_span.as_str()));
}

#[test]
fn a_mark_over_two_blocks_is_cut_in_two() {
    let text = "제목\n□ 행사는 서울 코엑스\nㅇ 그랜드볼룸에서 열린다.\n";
    let mut doc = document(text, &[], &[], &[]);
    doc.venues = vec![snippet(text, "서울 코엑스\nㅇ 그랜드볼룸")];
    let html = parse(&render(text, &doc));
    let pieces = select(&html, ".text mark.venue");
    let texts: Vec<String> = pieces.iter().map(text_of).collect();
    // The marker is marked too: it is in the span.
    assert_eq!(texts, ["서울 코엑스", "ㅇ", "그랜드볼룸"]);
    assert_eq!(pieces[0].attr("id"), Some("venue-0-0"));
    for piece in &pieces[1..] {
        assert_eq!(piece.attr("id"), None);
        assert_eq!(piece.attr("class"), Some("m venue cont"));
        assert_eq!(piece.attr("data-m"), Some("venue-0-0"));
    }
}

#[test]
fn markup_in_a_release_is_text() {
    let text = "<script>alert(\"x\")</script> 보도자료\n□ 산업부는 <b>12월 22일</b> “<i>협력</i>”을 밝혔다. & 끝\n";
    let doc = document(text, &[], &["<i>협력</i>"], &[]);
    let page = render(text, &doc);
    let html = parse(&page);
    assert!(
        select(&html, "script, b, i").is_empty(),
        "markup got through"
    );
    let article = text_of(&select(&html, ".text")[0]);
    for line in text.lines() {
        let line = line.trim_start_matches(['□', ' ']);
        assert!(article.contains(line), "{line:?} is not shown as text");
    }
    assert_eq!(
        text_of(&select(&html, ".text mark.quote")[0]),
        "<i>협력</i>"
    );
    assert!(page.contains("<title>&lt;script&gt;"));
}

#[test]
fn warnings_are_marked_where_they_point() {
    let text = "제목\n□ 첫째\nㅇ ① 하나 ② 둘 ② 셋\n";
    let mut doc = document(text, &[], &[], &[]);
    let at = text.rfind('②').expect("a second ②");
    doc.warnings.push(Warning::new(
        WarningKind::Count,
        "<b>bold</b> claim".into(),
        Span::new(at, at + '②'.len_utf8()),
    ));
    let html = parse(&render(text, &doc));
    let warnings = select(&html, ".text mark.warning");
    let last = warnings.last().expect("the warning is marked");
    assert_eq!(text_of(last), "②");
    assert_eq!(
        last.attr("title"),
        Some("warning: count: <b>bold</b> claim")
    );
    let listed = select(&html, "#facts-warning td");
    assert!(listed.iter().any(|td| text_of(td) == "<b>bold</b> claim"));
}

#[test]
fn spans_of_another_text_are_left_out() {
    let text = "산업 디지털 전환에 산업계 참여 확산\n□ 박진규 차관은 “협력이 중요하다”고 밝혔다.\n";
    let doc = document(text, &["박진규 차관"], &["협력이 중요하다"], &[]);
    for other in [
        "",
        "짧은 글",
        "가나다라마바사아자차카타파하 가나다라마바사아자차카타파하",
    ] {
        let html = parse(&render(other, &doc));
        let article = text_of(&select(&html, ".text")[0]);
        assert!(article.contains("박진규"), "the blocks' own text is shown");
    }
}

#[test]
fn panel_links_to_first_mentions() {
    let text = "제목\n□ 박진규 차관과 이학영 위원장이 참석했다.\n";
    let doc = document(text, &["박진규 차관", "이학영 위원장"], &[], &[]);
    let html = parse(&render(text, &doc));
    let links = select(&html, "#facts-person a");
    let hrefs: Vec<_> = links.iter().filter_map(|a| a.attr("href")).collect();
    assert_eq!(hrefs, ["#person-0-0", "#person-1-0"]);
    for href in hrefs {
        assert_eq!(select(&html, href).len(), 1, "{href} is in the text");
    }
}

#[test]
fn index_lists_counts_and_warnings() {
    let text = "제목\n□ 박진규 차관이 왔다.\n";
    let mut doc = document(text, &["박진규 차관"], &[], &[]);
    doc.warnings.push(Warning::new(
        WarningKind::Numbering,
        "list number ② repeats".into(),
        Span::new(0, 0),
    ));
    let entries = [
        IndexEntry::new("a.html", "dir/a.txt", &doc),
        IndexEntry::new("<b>.html", "dir/<b>.txt", &Document::default()),
    ];
    let html = parse(&render_index(&entries));
    let rows = select(&html, "table.index tbody tr");
    assert_eq!(rows.len(), 2);
    let cells = |row: &ElementRef| -> Vec<String> {
        let td = Selector::parse("td").expect("selector");
        row.select(&td).map(|c| text_of(&c)).collect()
    };
    let first = cells(&rows[0]);
    assert_eq!(first[0], "dir/a.txt");
    assert_eq!(first[1], "제목");
    assert_eq!(first[2], "1", "one person");
    assert_eq!(
        first.last().map(String::as_str),
        Some("1numbering: list number ② repeats")
    );
    assert_eq!(cells(&rows[1])[0], "dir/<b>.txt");
    let links = select(&html, "tbody a");
    assert_eq!(links[1].attr("href"), Some("<b>.html"));
}
