//! The checklist panel on its own: the report's order, the fold after this week's steps,
//! and ticked steps.

use super::*;

#[wasm_bindgen_test]
async fn checklist_shows_the_plan_in_the_reports_order() {
    let root = root();
    let props = yew::props!(ChecklistProps {
        analysis: made_up_analysis(),
    });
    yew::Renderer::<Checklist>::with_root_and_props(root.clone(), props).render();
    flush().await;

    assert_eq!(count(&root, "#checklist li"), 3, "one li per step");
    assert_eq!(text(&root, "#checklist li .title"), "Step high");
    assert_eq!(count(&root, "#checklist li:first-child .how"), 2);
    assert!(text(&root, "#checklist li .step-people").contains("Person 2"));
    assert_eq!(count(&root, "#checklist .this-week li"), 3);
    assert_eq!(
        count(&root, "#checklist details.more-steps"),
        0,
        "nothing to fold"
    );
    // Priorities 90, 50 and 10: in words, the number kept in data-priority.
    let gaps: Vec<(String, String)> = (1..=3)
        .map(|i| {
            let gap = find(&root, &format!("#checklist li:nth-child({i}) .priority"));
            let number = gap.get_attribute("data-priority").unwrap_or_default();
            (gap.text_content().unwrap_or_default(), number)
        })
        .collect();
    let want = [
        ("high priority", "90"),
        ("medium priority", "50"),
        ("low priority", "10"),
    ];
    let want: Vec<(String, String)> = want.map(|(w, n)| (w.into(), n.into())).into();
    assert_eq!(gaps, want);
}

#[wasm_bindgen_test]
async fn steps_after_the_third_are_folded() {
    let root = root();
    let mut analysis = (*made_up_analysis()).clone();
    let report = &mut analysis.report;
    report.checklist.push(step("later", 8.0));
    report.checklist.push(step("last", 20.0));
    let props = yew::props!(ChecklistProps {
        analysis: Shared::new(analysis),
    });
    yew::Renderer::<Checklist>::with_root_and_props(root.clone(), props).render();
    flush().await;

    assert_eq!(count(&root, "#checklist li"), 5, "every step is listed");
    assert_eq!(count(&root, "#checklist .this-week li"), 3);
    assert_eq!(
        count(&root, "#checklist details.more-steps:not([open]) li"),
        2
    );
    assert_eq!(
        text(&root, "#checklist details.more-steps summary"),
        "More steps (2)"
    );
    assert_eq!(
        text(&root, "#checklist details.more-steps li .title"),
        "Step later",
        "the report's order, not the priority's"
    );
}

#[wasm_bindgen_test]
async fn ticked_steps_are_checked_and_crossed_out() {
    let root = root();
    let props = yew::props!(ChecklistProps {
        analysis: made_up_analysis(),
        ticked: Rc::new(
            ["mid".to_string()]
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
        ),
    });
    yew::Renderer::<Checklist>::with_root_and_props(root.clone(), props).render();
    flush().await;

    assert_eq!(count(&root, "#checklist li.done"), 1);
    assert_eq!(
        count(&root, "#checklist li[data-step='mid'] input:checked"),
        1
    );
    assert_eq!(
        count(&root, "#checklist li input[type=checkbox][aria-label]"),
        3
    );
}
