"""Reports for a person: a result and its plan as text (:mod:`recert.report.text`) or HTML (:mod:`recert.report.html`)."""
