#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
"""Validates the FHIR R4 resources the device sends, with a validator the project did not write.

  fhir_validate.py --questionnaire Q.json FILE...

Parses the Questionnaire and every FILE (a batch Bundle, a QuestionnaireResponse or a Questionnaire) with the
`fhir.resources` R4B models (pydantic; R4B equals R4 for these resources; unknown or missing required elements
and wrong types are errors). The models do not check a response against its Questionnaire, so this also checks:
each response names the Questionnaire's canonical, each item linkId is in the Questionnaire, each coding is one
of the item's answerOption codings (system, code and display), text items have a valueString, required items are
present in completed responses, and each batch entry is a conditional create on the response's identifier.

Prints one line per error and exits 1 when there is any; otherwise prints how many resources were checked.
Install the validator with Scripts/fhir-venv.sh and run this with .build/fhir-venv/bin/python.
"""
import argparse
import json
import sys

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse


def parse(model, data, where, errors):
    try:
        return model.model_validate(data)
    except Exception as error:  # pydantic.ValidationError, or a wrong resourceType
        lines = [line.strip() for line in str(error).splitlines() if line.strip()]
        errors.append(f"{where}: " + " / ".join(lines))
        return None


def questionnaire_items(questionnaire):
    items = {}

    def walk(nodes):
        for item in nodes or []:
            options = set()
            for option in item.answerOption or []:
                coding = option.valueCoding
                if coding is not None:
                    options.add((coding.system, coding.code, coding.display))
            items[item.linkId] = {"type": item.type, "required": bool(item.required), "options": options}
            walk(item.item)

    walk(questionnaire.item)
    return items


def check_response(response, raw, canonical, items, where, errors):
    if response.questionnaire != canonical:
        errors.append(f"{where}: questionnaire is {response.questionnaire!r}, expected {canonical!r}")
    seen = set()
    for item in response.item or []:
        spec = items.get(item.linkId)
        if spec is None:
            errors.append(f"{where}: linkId {item.linkId!r} is not in the Questionnaire")
            continue
        seen.add(item.linkId)
        for answer in item.answer or []:
            if spec["type"] == "choice":
                coding = answer.valueCoding
                if coding is None:
                    errors.append(f"{where}: {item.linkId} needs a valueCoding")
                elif (coding.system, coding.code, coding.display) not in spec["options"]:
                    errors.append(
                        f"{where}: {item.linkId} coding {coding.system}|{coding.code} {coding.display!r} "
                        "is not one of its answerOption codings"
                    )
            elif spec["type"] in ("text", "string") and answer.valueString is None:
                errors.append(f"{where}: {item.linkId} needs a valueString")
    if response.status == "completed":
        for link_id, spec in items.items():
            if spec["required"] and link_id not in seen:
                errors.append(f"{where}: required item {link_id!r} is missing from a completed response")
    if not response.identifier or not response.identifier.value:
        errors.append(f"{where}: no identifier (the event id makes the upload idempotent)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questionnaire", required=True)
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    errors = []
    with open(arguments.questionnaire, encoding="utf-8") as handle:
        raw_questionnaire = json.load(handle)
    questionnaire = parse(Questionnaire, raw_questionnaire, arguments.questionnaire, errors)
    if questionnaire is None:
        print("\n".join(errors))
        return 1
    canonical = f"{questionnaire.url}|{questionnaire.version}" if questionnaire.version else questionnaire.url
    items = questionnaire_items(questionnaire)
    checked = 1
    for path in arguments.files:
        with open(path, encoding="utf-8") as handle:
            raw = json.load(handle)
        kind = raw.get("resourceType") if isinstance(raw, dict) else None
        if kind == "Questionnaire":
            checked += parse(Questionnaire, raw, path, errors) is not None
        elif kind == "QuestionnaireResponse":
            response = parse(QuestionnaireResponse, raw, path, errors)
            if response is not None:
                checked += 1
                check_response(response, raw, canonical, items, path, errors)
        elif kind == "Bundle":
            bundle = parse(Bundle, raw, path, errors)
            if bundle is None:
                continue
            checked += 1
            if bundle.type != "batch":
                errors.append(f"{path}: Bundle.type is {bundle.type!r}, expected 'batch'")
            for index, entry in enumerate(bundle.entry or []):
                where = f"{path} entry {index}"
                raw_resource = raw["entry"][index].get("resource", {})
                response = parse(QuestionnaireResponse, raw_resource, where, errors)
                if response is None:
                    continue
                checked += 1
                check_response(response, raw_resource, canonical, items, where, errors)
                request = entry.request
                if request is None or request.method != "POST" or request.url != "QuestionnaireResponse":
                    errors.append(f"{where}: request must be POST QuestionnaireResponse")
                elif response.identifier is not None:
                    wanted = f"identifier={response.identifier.system}|{response.identifier.value}"
                    if request.ifNoneExist != wanted:
                        errors.append(f"{where}: ifNoneExist is {request.ifNoneExist!r}, expected {wanted!r}")
        else:
            errors.append(f"{path}: resourceType {kind!r} is not one this checks")
    for error in errors:
        print(error)
    if errors:
        print(f"{len(errors)} errors")
        return 1
    print(f"{checked} resources valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
