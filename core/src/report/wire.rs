//! An [`Analysis`](crate::report::analyze::Analysis) read back: the browser's import worker and the
//! page are two wasm instances that share no memory, so the worker sends the analysis (the
//! report exactly as the CLI's `--json` writes it, the network view and the participants)
//! as a plain object and the page deserialises it (the web crate's `src/import/messages.rs`
//! says why an object and not JSON or a binary encoding). Every type in it derives
//! `Deserialize` beside `Serialize` (the fixed words are read with
//! `crate::model::fixed_word`); the tests here prove the two agree.

#[cfg(test)]
mod tests {
    use crate::model::options::{Goal, HostChoice, Options, Profile};
    use crate::report::analyze::Analysis;

    fn sample(options: &Options) -> Analysis {
        crate::report::analyze::analyze(&crate::import::sample::inputs(), options).unwrap()
    }

    /// Through serde's data model and back, as the worker's object makes the trip (a JSON
    /// value holds numbers as they are, so this is exact).
    fn round_trip(analysis: &Analysis) -> Result<Analysis, serde_json::Error> {
        serde_json::from_value(serde_json::to_value(analysis)?)
    }

    #[test]
    fn an_analysis_comes_back_the_same() {
        let options = Options {
            profile: Profile::Startup,
            goal: Goal::Reach,
            hosts: HostChoice::None,
            format: None,
        };
        let analysis = sample(&options);
        let back = round_trip(&analysis).unwrap();
        let value = |a: &Analysis| serde_json::to_value(a).unwrap();
        assert_eq!(value(&back), value(&analysis), "every field, exactly");
        assert_eq!(back.report.schema, crate::model::schema::SCHEMA);
        assert_eq!(back.report.verdict.score, analysis.report.verdict.score);
        let xy = |a: &Analysis| {
            a.network
                .nodes
                .iter()
                .map(|n| (n.x, n.y))
                .collect::<Vec<_>>()
        };
        assert_eq!(xy(&back), xy(&analysis), "positions exactly");
        assert_eq!(back.participants, analysis.participants);
        let json = |a: &Analysis| serde_json::to_string(&a.report).unwrap();
        assert_eq!(
            json(&back),
            json(&analysis),
            "the report's JSON, byte for byte"
        );
    }

    #[test]
    fn a_word_the_core_never_writes_is_refused_by_name() {
        let mut value = serde_json::to_value(sample(&Options::default())).unwrap();
        value["report"]["schema"] = "peerscope.report/9".into();
        let wrong = serde_json::from_value::<Analysis>(value.clone()).unwrap_err();
        assert!(wrong.to_string().contains("peerscope.report/9"), "{wrong}");
        value["report"]["schema"] = crate::model::schema::SCHEMA.into();
        value["report"]["timeline"]["bucket"] = "fortnight".into();
        assert!(serde_json::from_value::<Analysis>(value).is_err());
    }
}
