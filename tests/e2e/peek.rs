//! Scratch: screenshots of the §11 panels (not committed).
use crate::support::look::LOOKS;
use crate::support::page::run;
use crate::support::{repo, wait_until, Poll, PATIENCE};

#[tokio::test]
#[ignore = "scratch"]
async fn peek() {
    for file in ["trend_export.csv", "newcomers_export.json"] {
        for look in LOOKS {
            let session = look.open(&format!("peek-{file}"), "").await;
            let outcome = async {
                session.upload(&repo().join("tests/fixtures").join(file)).await?;
                wait_until("trend", PATIENCE, || async {
                    let ok = run(&session, "return !!document.querySelector('#newcomers') && !!document.querySelector('#chart-trend');").await?;
                    Ok(if ok == true { Poll::Ready(()) } else { Poll::NotYet(ok.to_string()) })
                })
                .await?;
                tokio::time::sleep(std::time::Duration::from_secs(4)).await;
                for (i, sel) in ["#newcomers", "#chart-trend", "#chart-movement", "#month-slider"].iter().enumerate() {
                    run(&session, &format!("const e=document.querySelector('{sel}'); if(e){{e.scrollIntoView({{block:'start'}});}} return true;")).await?;
                    let shot = session.screenshot(&format!("peek-{file}-{}-{i}", look.name)).await?;
                    println!("{}", shot.display());
                }
                Ok(())
            }
            .await;
            session.finish(outcome).await;
        }
    }
}
