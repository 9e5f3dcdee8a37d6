//! A second import cancelled midway leaves the first report, and the next choice still
//! re-analyses the first file (its worker was stopped and a fresh one reads it again).
//!
//! The workers' messages are held back while the second import runs
//! ([`crate::support::hold`]), so the cancel always lands on an import that has not ended,
//! however fast the machine reads.

use super::*;

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_cancelled_import_leaves_the_previous_report() {
    let (first, second) = (export(30_000, 7), export(34_000, 8));
    let session = open("import-cancel", "").await;
    let outcome = async {
        session.wrap_workers_for_holding().await?;
        sample_on_screen(&session).await?;
        import_recorded(&session, &first).await?;
        session.hold_workers(true).await?;
        session.upload(&second.path).await?;
        look_until(&session, "the second import to start", |l| {
            l["busy"] == true
        })
        .await?;
        click(&session, "#import-cancel").await?;
        let after = look_until(&session, "the cancel to be said", |l| {
            l["status"]
                .as_str()
                .is_some_and(|s| s.contains("Import cancelled"))
        })
        .await?;
        session.hold_workers(false).await?;
        if !shows(&after, &first) {
            return Err(format!("after the cancel, not the first report: {after}"));
        }
        choose_goal(&session, "reach").await?;
        let again = look_until(
            &session,
            "the first file re-analysed for the new goal",
            |l| l["goal"] == "reach" && l["busy"] == false && l["people"].is_number(),
        )
        .await?;
        if again["people"] != first.people || again["data"]["importPath"] != "worker" {
            return Err(format!(
                "the next choice did not re-read the first file: {again}"
            ));
        }
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
