//! Genre vocabulary for the people, organisation and attendee
//! recognisers, kept in one place: titles of the public sector and of
//! companies, the endings that make a word an institution's name, and the
//! well-known short forms of ministries, agencies and companies.
//!
//! These are facts about Korean press releases in general, never names
//! taken from one release: a title list says what a 직함 looks like, a
//! suffix list what an institution's name ends with. Every table is a
//! plain slice so that it reads (and diffs) as data.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Titles (직함) that follow or precede a person's name. A word whose stem
/// *ends* with one of these is a title (`기획조정실장`, `1차관`,
/// `기획재정담당관`), so compound titles need not be listed.
pub(crate) const TITLES: &[&str] = &[
    // government
    "대통령",
    "총리",
    "부총리",
    "장관",
    "차관",
    "차관보",
    "실장",
    "국장",
    "정책관",
    "관리관",
    "기획관",
    "조정관",
    "심의관",
    "담당관",
    "과장",
    "팀장",
    "사무관",
    "주무관",
    "서기관",
    "청장",
    "차장",
    "처장",
    "위원장",
    "부위원장",
    "위원",
    "의원",
    "의장",
    "대변인",
    "대사",
    "영사",
    "본부장",
    "단장",
    "소장",
    "관장",
    "원장",
    "지사",
    "도지사",
    "군수",
    "구청장",
    "교육감",
    "검사장",
    "총장",
    "심판관",
    // companies and associations
    "회장",
    "부회장",
    "사장",
    "부사장",
    "이사장",
    "이사",
    "대표",
    "대표이사",
    "전무",
    "상무",
    "센터장",
    "사무총장",
    "사무국장",
    "조합장",
    // academia and professions
    "교수",
    "부교수",
    "연구위원",
    "연구원",
    "박사",
    "변호사",
];

/// Titles that head an institution: `기관(장관 홍길동, 이하 …)` names the
/// issuer's head only with one of these.
pub(crate) const HEAD_TITLES: &[&str] = &[
    "장관",
    "청장",
    "처장",
    "위원장",
    "원장",
    "이사장",
    "사장",
    "회장",
    "총장",
    "소장",
    "관장",
    "대표",
    "대표이사",
    "센터장",
    "본부장",
];

/// Endings of institutions' names (`…위원회`, `…협회`, `…진흥원`). A word
/// is an organisation when its stem ends with one of these *and* has more
/// before it than a generic modifier (see [`GENERIC_MODIFIERS`]).
pub(crate) const ORG_SUFFIXES: &[&str] = &[
    "위원회",
    "협회",
    "조합",
    "연합회",
    "공제회",
    "의사회",
    "약사회",
    "협의회",
    "중앙회",
    "회의소",
    "학회",
    "재단",
    "공사",
    "공단",
    "연구원",
    "진흥원",
    "교육원",
    "평가원",
    "개발원",
    "정보원",
    "관리원",
    "연수원",
    "연구소",
    "센터",
    "대학교",
    "대학원",
    "은행",
    "본부",
    "박물관",
    "미술관",
    "도서관",
    "거래소",
    "기구",
    "연맹",
    "병원",
    "법원",
    "검찰청",
    "부",
    "청",
    "처",
    "당",
];

/// Single-syllable endings, which need a longer stem (three syllables or
/// more) because so many common words end in them (`정부`, `요청`).
pub(crate) const SHORT_SUFFIXES: &[&str] = &["부", "청", "처", "당"];

/// Words that end like an institution but are not one: generic nouns
/// (`관계부처`, `가맹본부`, `연락처`), and counting nouns (`1인당`). Matched
/// as endings of the stem.
pub(crate) const NOT_ORG_ENDINGS: &[&str] = &[
    "정부",
    "부처",
    "여부",
    "일부",
    "전부",
    "내부",
    "외부",
    "세부",
    "첨부",
    "납부",
    "간부",
    "당부",
    "서부",
    "동부",
    "남부",
    "북부",
    "중부",
    "지도부",
    "사령부",
    "가맹본부",
    "요청",
    "신청",
    "초청",
    "경청",
    "관청",
    "연락처",
    "문의처",
    "사용처",
    "거래처",
    "판매처",
    "구입처",
    "접수처",
    "공급처",
    "수요처",
    "납품처",
    "투자처",
    "발주처",
    "출처",
    "피난처",
    "근무처",
    "바우처",
    "담당",
    "해당",
    "상당",
    "수당",
    "식당",
    "배당",
    "충당",
    "포도당",
    "과당",
    "인당",
    "건당",
    "매당",
    "개소당",
    "기관당",
    "팀당",
    "브랜드당",
    "건설공사",
    "민간건설공사",
    "불법공사",
    "보수공사",
    "정비공사",
    "하천공사",
    "천공사",
    "설치공사",
    "개량공사",
    "복구공사",
    "포장공사",
    "준설공사",
    "철거공사",
    "증축공사",
    "신축공사",
    "확장공사",
    "토목공사",
    "건립공사",
    "가맹본부당",
    "시설",
    "선정",
    "가공사",
    "콜센터",
    "고객센터",
    "데이터센터",
    "참여연구원",
    "선임연구원",
    "수석연구원",
    "책임연구원",
    "주임연구원",
    "연구원들",
    "강당",
    "전기전자공학부",
    "공학부",
    "사업부",
    "고객관리부",
    "본부장",
    "학부",
];

/// Modifiers that make `X + suffix` a common noun phrase rather than a
/// name (`관계기관`, `유관기구`, `전문기구`, `지방정부`).
pub(crate) const GENERIC_MODIFIERS: &[&str] = &[
    "관계", "유관", "전문", "상설", "감독", "국제", "지방", "공공", "민간", "해당", "관련", "각",
    "주요", "협력", "소속", "산하", "지역", "동", "본", "전체", "모든", "신규", "사무", "기존",
    "별도", "독립", "해외", "국내", "중앙", "전담", "다른", "이", "그", "범", "시",
];

/// Well-known short forms of ministries, agencies, associations and
/// companies: `(short, [full names])`. A release that defines its own
/// alias (`이하 …`) wins over this table; when several full names are
/// listed (ministries are renamed), the one the release writes is chosen.
pub(crate) const SHORT_FORMS: &[(&str, &[&str])] = &[
    ("산업부", &["산업통상자원부", "산업통상부"]),
    ("산자부", &["산업통상자원부"]),
    ("국표원", &["국가기술표준원"]),
    ("방미통위", &["방송미디어통신위원회"]),
    ("과기정통부", &["과학기술정보통신부"]),
    ("과기부", &["과학기술정보통신부"]),
    ("기재부", &["기획재정부"]),
    ("재경부", &["재정경제부"]),
    ("기획처", &["기획예산처"]),
    ("중기부", &["중소벤처기업부"]),
    ("노동부", &["고용노동부"]),
    ("고용부", &["고용노동부"]),
    ("행안부", &["행정안전부"]),
    ("국토부", &["국토교통부"]),
    ("농식품부", &["농림축산식품부"]),
    ("문체부", &["문화체육관광부"]),
    ("복지부", &["보건복지부"]),
    ("해수부", &["해양수산부"]),
    ("여가부", &["여성가족부", "성평등가족부"]),
    ("기후부", &["기후에너지환경부"]),
    ("보훈부", &["국가보훈부"]),
    ("인사처", &["인사혁신처"]),
    ("식약처", &["식품의약품안전처"]),
    ("질병청", &["질병관리청"]),
    ("공정위", &["공정거래위원회"]),
    ("금융위", &["금융위원회"]),
    ("방통위", &["방송통신위원회", "방송미디어통신위원회"]),
    ("개인정보위", &["개인정보보호위원회"]),
    ("권익위", &["국민권익위원회"]),
    ("국민권익위", &["국민권익위원회"]),
    ("원안위", &["원자력안전위원회"]),
    ("국조실", &["국무조정실"]),
    ("대한상의", &["대한상공회의소"]),
    ("상의", &["대한상공회의소"]),
    ("전경련", &["전국경제인연합회"]),
    ("경총", &["한국경영자총협회"]),
    ("무협", &["한국무역협회"]),
    ("중기중앙회", &["중소기업중앙회"]),
    ("코트라", &["대한무역투자진흥공사"]),
    ("KOTRA", &["대한무역투자진흥공사"]),
    ("한전", &["한국전력공사"]),
    ("산단공", &["한국산업단지공단"]),
    ("LH", &["한국토지주택공사"]),
    ("HUG", &["주택도시보증공사"]),
    ("수협", &["수산업협동조합중앙회", "수산업협동조합"]),
    ("농협", &["농업협동조합중앙회", "농협중앙회"]),
    ("WHO", &["세계보건기구"]),
    ("OECD", &["경제협력개발기구"]),
    ("MS", &["마이크로소프트"]),
];

/// Institutions whose names carry no suffix of [`ORG_SUFFIXES`]
/// (`국무조정실`, parties, the National Assembly).
pub(crate) const NAMED_INSTITUTIONS: &[&str] = &[
    "국무조정실",
    "국무총리비서실",
    "대통령실",
    "대통령비서실",
    "국가안보실",
    "감사원",
    "국정원",
    "국가정보원",
    "국회",
    "국민의힘",
];

/// Prefixes that a release often drops on second mention
/// (`한국산업지능화협회` then `산업지능화협회`).
pub(crate) const DROPPABLE_PREFIXES: &[&str] = &["한국", "대한", "국립"];

/// Korean surnames, for judging whether a word that ko-dic does not know
/// is a name. The common ones cover nearly every name in the genre.
pub(crate) const SURNAMES: &str = "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉경사부황보";

/// Endings of university departments, which may stand between a
/// professor's university and title.
pub(crate) const DEPARTMENT_ENDINGS: &[&str] = &["학과", "학부", "대학원", "연구실"];

/// Words before a title that look like a name but are not one.
pub(crate) const NOT_NAMES: &[&str] = &[
    "이번",
    "신임",
    "담당",
    "관계",
    "전임",
    "현직",
    "정부",
    "한국",
    "이날",
    "당시",
    "해당",
    "우리",
    "대표",
    "차기",
    "전국",
    "각국",
    "주요",
    "관련",
    "이후",
    "이어",
    "이에",
    "또한",
    "기관",
    "부처",
    "공동",
    "사업",
    "명예",
    "전직",
    "초대",
    "역대",
    "국가",
    "지역",
    "사무",
    "상임",
    "비상임",
];

/// Nouns that name what a counted list holds (`20개 기관`, `12개 기업`,
/// `13개사`): a count next to one of these is checked against the list.
pub(crate) const COUNTED_ORG_NOUNS: &[&str] = &[
    "기관",
    "단체",
    "협단체",
    "협·단체",
    "기업",
    "사",
    "업체",
    "협회",
    "회사",
    "공공기관",
    "지자체",
    "부처",
    "대학",
    "공기업",
    "기관·단체",
];

/// Group labels of attendee lines (`(정부)`, `(국회)`): any short label
/// in parentheses at the start of a segment is taken, these are just the
/// common ones, used to recognise an attendee line without `참석자:`.
pub(crate) const ATTENDEE_GROUPS: &[&str] = &[
    "정부",
    "국회",
    "기관",
    "업계",
    "참석",
    "참석자",
    "학계",
    "민간",
    "지자체",
    "공공",
    "기업",
    "전문가",
];

/// Whether `word` ends with `ending` on a char boundary and is longer.
pub(crate) fn ends_with_longer(word: &str, ending: &str) -> bool {
    word.len() > ending.len() && word.ends_with(ending)
}

/// The full names a short form stands for, if the table knows it.
pub(crate) fn short_form(short: &str) -> Option<&'static [&'static str]> {
    SHORT_FORM_INDEX.get(short).copied()
}

/// `SHORT_FORMS` by short form: every word of a release is looked up.
static SHORT_FORM_INDEX: LazyLock<HashMap<&'static str, &'static [&'static str]>> =
    LazyLock::new(|| SHORT_FORMS.iter().copied().collect());

/// The full names of `SHORT_FORMS` and `NAMED_INSTITUTIONS`.
static FULL_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    SHORT_FORMS
        .iter()
        .flat_map(|(_, full)| full.iter().copied())
        .chain(NAMED_INSTITUTIONS.iter().copied())
        .collect()
});

/// Whether the table knows `name` as a full name.
pub(crate) fn is_known_full_name(name: &str) -> bool {
    FULL_NAMES.contains(name)
}

/// The longest title that `stem` ends with.
pub(crate) fn title_ending(stem: &str) -> Option<&'static str> {
    TITLES
        .iter()
        .filter(|t| stem.ends_with(**t))
        .max_by_key(|t| t.len())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_titles_end_in_a_base_title() {
        assert_eq!(title_ending("1차관"), Some("차관"));
        assert_eq!(title_ending("기획재정담당관"), Some("담당관"));
        assert_eq!(title_ending("국무조정실장"), Some("실장"));
        assert_eq!(title_ending("기자"), None);
    }

    #[test]
    fn short_forms_list_full_names() {
        assert_eq!(short_form("대한상의"), Some(&["대한상공회의소"][..]));
        assert!(is_known_full_name("산업통상자원부"));
        assert!(short_form("산업통상자원부").is_none());
    }
}
