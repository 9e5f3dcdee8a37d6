use super::*;

fn at(line: &str, order: Order) -> Option<(i64, String)> {
    let (text, _) = normalise(line);
    let h = parse(&text)?;
    let ms = h.millis(order).ok()?;
    Some((ms, text.get(h.rest..)?.to_string()))
}

/// 2018-06-13 21:25 UTC, plus seconds.
const T: i64 = 1_528_848_000_000 + (21 * 60 + 25) * 60_000;

#[test]
fn every_shape_of_formats_md() {
    let d = Order::DayFirst;
    let m = Order::MonthFirst;
    let cases = [
        ("13/6/18, 21:25 - a: m", d, T),
        ("6/13/18, 9:25 p.m. - a: m", m, T),
        ("13-06-2018, 09.25 PM - a: m", d, T),
        ("13.6.2018 klo 21.25.15 - a: m", d, T + 15_000),
        ("13.06.2018, 21:25 - a: m", d, T),
        ("[06.13.18 21:25:15] a: m", m, T + 15_000),
        ("\u{200E}[13/6/18 9:25:00\u{202F}p. m.] a: m", d, T),
        ("[2018/06/13, 21:25:15] a: m", m, T + 15_000),
        ("13.06.18 21.25.15: a: m", d, T + 15_000),
        ("13. 6. 2018. 21:25:15 a: m", d, T + 15_000),
        ("2018-06-13, 21:25 - a: m", m, T),
        ("13/06/2018, 9:25\u{00A0}pm \u{2013} a: m", d, T),
    ];
    for (line, order, want) in cases {
        assert_eq!(at(line, order), Some((want, "a: m".into())), "{line}");
    }
}

#[test]
fn midnight_and_noon_on_a_twelve_hour_clock() {
    let midnight = at("1/2/20, 12:00 AM - a: m", Order::DayFirst).map(|x| x.0);
    let noon = at("1/2/20, 12:00 PM - a: m", Order::DayFirst).map(|x| x.0);
    assert_eq!(noon.zip(midnight).map(|(n, m)| n - m), Some(43_200_000));
}

#[test]
fn not_headers() {
    for line in [
        "hello there",
        "  12/01/2024, 10:00 - Ann: hi",
        "12/01/2024,10:00",
        "12/01/2024, 10:00 - ",
        "1.5, 2.5, 3.5",
        "[1, 2, 3]",
        "AuthorID,Author,Date,Content",
        "2024/01/02/03 10:00 - a: b",
    ] {
        assert!(parse(&normalise(line).0).is_none(), "{line}");
    }
    let amy = parse("1/2/20, 10:00 Amy: hi");
    assert_eq!(amy.map(|h| h.pm), Some(None), "Amy is not a time of day");
}

#[test]
fn impossible_values_point_at_the_field() {
    let h = parse("31/31/21, 10:00 - a: b");
    assert_eq!(h.map(|h| h.millis(Order::DayFirst)), Some(Err(3)));
    let h = parse("1/1/21, 25:00 - a: b");
    assert_eq!(h.map(|h| h.millis(Order::DayFirst)), Some(Err(8)));
    let h = parse("1/1/21, 0:30 PM - a: b");
    assert_eq!(h.map(|h| h.millis(Order::DayFirst)), Some(Err(8)));
}

#[test]
fn order_from_big_fields_or_from_time_order() {
    let hs = |lines: &[&str]| -> Vec<Header> { lines.iter().filter_map(|l| parse(l)).collect() };
    let h = hs(&["1/2/20, 10:00 - a: b", "25/2/20, 10:00 - a: b"]);
    assert_eq!(infer_order(h.iter().copied()), (Order::DayFirst, false));
    let h = hs(&["1/2/20, 10:00 - a: b", "2/25/20, 10:00 - a: b"]);
    assert_eq!(infer_order(h.iter().copied()), (Order::MonthFirst, false));
    // Day-first, 2 Jan then 1 Feb runs forward; month-first, 1 Feb then 2 Jan does not.
    let h = hs(&["2/1/20, 10:00 - a: b", "1/2/20, 9:00 - a: b"]);
    assert_eq!(infer_order(h.iter().copied()), (Order::DayFirst, true));
    let h = hs(&["1/2/20, 10:00 - a: b", "2/1/20, 9:00 - a: b"]);
    assert_eq!(infer_order(h.iter().copied()), (Order::MonthFirst, true));
    let h = hs(&["1/1/21, 10:00 - a: b"]);
    assert_eq!(
        infer_order(h.iter().copied()),
        (Order::DayFirst, false),
        "no date differs"
    );
}
