package org.kepu.org.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kepu.org.Organisations;
import org.kepu.org.Volunteer;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Checks and normalises what staff send; every refusal is a 422 whose message names the field. */
@Component
class VolunteerChecks {

    static final int MAX_NAME = 100;
    static final int MAX_TAGS = 20;
    static final int MAX_SKILL = 20;
    static final int MAX_NOTES = 1000;

    /** A mainland mobile number, with or without +86 (hyphens removed first). */
    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86)?(1[3-9]\\d{9})");
    /** A landline with its area code, e.g. 0737-4221234, optionally an extension. */
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(?:-\\d{1,6})?");
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final VolunteerProperties properties;
    private final Organisations organisations;

    VolunteerChecks(VolunteerProperties properties, Organisations organisations) {
        this.properties = properties;
        this.organisations = organisations;
    }

    Mono<VolunteerDetails> check(VolunteerForm form) {
        try {
            String organisation = blankToNull(form.organisation());
            VolunteerDetails details = new VolunteerDetails(name(form.name()), phone(form.phone()), account(form.account()),
                    null, skills(form.skills()), districts(form.districts()), availability(form.availability()), form.active(),
                    notes(form.notes()));
            if (organisation == null) {
                return Mono.just(details);
            }
            return organisations.findBySlug(organisation)
                    .switchIfEmpty(Mono.error(() -> invalid("volunteer-organisation-unknown", organisation)))
                    .map(found -> new VolunteerDetails(details.name(), details.phone(), details.account(), found, details.skills(),
                            details.districts(), details.availability(), details.active(), details.notes()));
        } catch (ProblemException problem) {
            return Mono.error(problem);
        }
    }

    /** A district from the configured list; for filters as well as for volunteers. */
    String district(String district) {
        String stripped = district.strip();
        if (!properties.districts().contains(stripped)) {
            throw invalid("volunteer-district-unknown", stripped, String.join("、", properties.districts()));
        }
        return stripped;
    }

    Volunteer.Availability availability(String value) {
        try {
            return Volunteer.Availability.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw invalid("volunteer-availability-unknown", value);
        }
    }

    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw invalid("volunteer-name-required");
        }
        if (stripped.length() > MAX_NAME) {
            throw invalid("volunteer-name-too-long", MAX_NAME);
        }
        return stripped;
    }

    /** Stored as 11 digits for a mobile, as written (without spaces) for a landline. */
    static String phone(String phone) {
        String compact = phone == null ? "" : phone.replaceAll("[\\s()（）]", "");
        if (compact.isEmpty()) {
            throw invalid("volunteer-phone-required");
        }
        Matcher mobile = MOBILE.matcher(compact.replace("-", ""));
        if (mobile.matches()) {
            return mobile.group(1);
        }
        if (LANDLINE.matcher(compact).matches()) {
            return compact;
        }
        throw invalid("volunteer-phone-invalid", phone.strip());
    }

    private static String account(String account) {
        String normalised = blankToNull(account);
        if (normalised == null) {
            return null;
        }
        normalised = normalised.toLowerCase(Locale.ROOT);
        if (!ACCOUNT.matcher(normalised).matches()) {
            throw invalid("volunteer-account-invalid", account.strip());
        }
        return normalised;
    }

    private static List<String> skills(List<String> skills) {
        List<String> tags = distinct("skills", skills);
        for (String tag : tags) {
            if (tag.length() > MAX_SKILL) {
                throw invalid("volunteer-skill-too-long", tag, MAX_SKILL);
            }
        }
        return tags;
    }

    private List<String> districts(List<String> districts) {
        return distinct("districts", districts).stream().map(this::district).toList();
    }

    private Set<Volunteer.Availability> availability(List<String> values) {
        Set<Volunteer.Availability> availability = EnumSet.noneOf(Volunteer.Availability.class);
        distinct("availability", values).forEach(value -> availability.add(availability(value)));
        return availability;
    }

    private static String notes(String notes) {
        String stripped = notes == null ? "" : notes.strip();
        if (stripped.length() > MAX_NOTES) {
            throw invalid("volunteer-notes-too-long", MAX_NOTES);
        }
        return stripped;
    }

    /** Stripped, without blanks and repeats, in the order given. */
    private static List<String> distinct(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.strip());
            }
        }
        if (kept.size() > MAX_TAGS) {
            throw invalid("volunteer-too-many", field, MAX_TAGS);
        }
        return new ArrayList<>(kept);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ProblemException invalid(String code, Object... arguments) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, arguments);
    }
}
