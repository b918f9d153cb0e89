"""Page text and labels in each language the site supports. Keras names are never translated."""

from __future__ import annotations

from rnn_spec.errors import not_one_of

LANGUAGES = ("en", "ko")

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "rnn-spec: the shapes Keras recurrent layers return",
        "intro": "Each feature states one shape rule of Keras recurrent layers. Each "
        "scenario runs a real Keras layer and checks what it returns against the rule.",
        "features": "Features",
        "feature": "Feature",
        "scenario": "Scenario",
        "scenarios": "Scenarios",
        "steps": "Steps",
        "examples": "Examples",
        "case": "case",
        "verdict": "Verdict",
        "observed": "Observed shapes",
        "expected": "Shapes from the rule",
        "configuration": "Configuration",
        "input": "input",
        "diagram": "Diagram",
        "diagrams": "Diagrams of the unrolled layer",
        "diagram_note": "Blue tensors come back from the call; grey ones are computed "
        "inside the layer but not returned.",
        "covers": "Cases",
        "results_from": "Results of the run on {created} with Keras {keras_version}.",
        "no_results": "No run results were given, so every verdict reads \"not run\". "
        "Run pytest --rnn-spec-results FILE and pass --results FILE.",
        "back": "Back to the index",
        "forward": "forward",
        "backward": "backward",
        "returned": "returned",
        "not_returned": "not returned",
        "every_step": "every step",
        "last_step": "last step only",
        "bidirectional_last_step": "last step only, the forward half from step {last} "
        "and the backward half from step 1",
        "no_diagram": "No diagram: the configuration could not be derived from the steps.",
        "passed": "passed",
        "failed": "failed",
        "error": "error",
        "xfailed": "known gap (xfail)",
        "xpassed": "known gap closed (xpass)",
        "skipped": "skipped",
        "not run": "not run",
        "summary": "scenarios: {count}",
    },
    "ko": {
        "title": "rnn-spec: Keras 순환 레이어가 반환하는 shape",
        "intro": "각 기능(feature)은 Keras 순환 레이어의 shape 규칙 하나를 설명합니다. 각 "
        "시나리오는 실제 Keras 레이어를 실행하고, 반환된 값을 규칙과 비교합니다.",
        "features": "기능 목록",
        "feature": "기능",
        "scenario": "시나리오",
        "scenarios": "시나리오",
        "steps": "단계",
        "examples": "예시",
        "case": "case",
        "verdict": "결과",
        "observed": "관측된 shape",
        "expected": "규칙에 따른 shape",
        "configuration": "구성",
        "input": "입력",
        "diagram": "다이어그램",
        "diagrams": "펼친(unrolled) 레이어 다이어그램",
        "diagram_note": "파란색 텐서는 호출 결과로 반환되고, 회색 텐서는 레이어 안에서 "
        "계산되지만 반환되지 않습니다.",
        "covers": "해당 case",
        "results_from": "{created}에 Keras {keras_version}(으)로 실행한 결과입니다.",
        "no_results": "실행 결과가 주어지지 않아 모든 결과가 \"실행 안 됨\"입니다. "
        "pytest --rnn-spec-results FILE로 실행한 뒤 --results FILE을 지정하세요.",
        "back": "목차로 돌아가기",
        "forward": "순방향",
        "backward": "역방향",
        "returned": "반환됨",
        "not_returned": "반환되지 않음",
        "every_step": "모든 스텝",
        "last_step": "마지막 스텝만",
        "bidirectional_last_step": "마지막 스텝만: 순방향 절반은 스텝 {last}, "
        "역방향 절반은 스텝 1에서",
        "no_diagram": "다이어그램 없음: 단계에서 구성을 알아낼 수 없습니다.",
        "passed": "통과",
        "failed": "실패",
        "error": "오류",
        "xfailed": "알려진 차이 (xfail)",
        "xpassed": "알려진 차이 해소됨 (xpass)",
        "skipped": "건너뜀",
        "not run": "실행 안 됨",
        "summary": "시나리오 {count}개",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """Return the labels of one language, or raise naming the supported ones."""
    if language not in LABELS:
        raise not_one_of("language", language, LANGUAGES)
    return LABELS[language]
