package org.clinic.demo;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Why the demo history's patients came, and what their doctors found, as each specialty would see it. */
final class DemoComplaints {

    private DemoComplaints() {
    }

    static @Nullable String reason(String specialty, Random random) {
        List<String> reasons = switch (specialty) {
            case "Paediatrics" -> List.of("Fever since yesterday", "Earache", "Cough at night", "Vaccination",
                    "Rash", "Vomiting and diarrhoea", "Growth check");
            case "Cardiology" -> List.of("Blood pressure review", "Palpitations", "Chest pain on exertion",
                    "Breathless on stairs", "Cholesterol results", "Follow-up after ECG");
            case "Dermatology" -> List.of("Rash on forearm", "Acne", "Itchy skin", "Mole check", "Hives");
            default -> List.of("Persistent cough", "Sore throat", "Back pain", "Headaches", "Repeat prescription",
                    "Blood pressure review", "Follow-up after tests", "Burning when passing urine", "Heartburn");
        };
        return random.nextInt(12) == 0 ? null : reasons.get(random.nextInt(reasons.size()));
    }

    /** A code from the shipped list, weighted as each specialty would see them. */
    static String diagnosis(String specialty, Random random) {
        String weighted = switch (specialty) {
            case "Paediatrics" -> "J06.9*6 H66.9*4 J00*3 A09*3 B01.9*1 J03.9*2 L20.9*2 R50.9*2 Z23*3 J45.9*2";
            case "Cardiology" -> "I10*7 I48.9*3 I50.9*2 E78.5*4 R42*1 Z00.0*2";
            case "Dermatology" -> "L20.9*5 L70.0*4 L30.9*3 L50.9*2 T78.4*1";
            default -> "J06.9*6 I10*5 J02.9*3 M54.5*3 E11.9*3 J20.9*2 N39.0*2 K21.9*2 F41.1*1 G44.2*2 R05*2 Z23*1"
                    + " E78.5*2 J00*2";
        };
        List<String> pool = new ArrayList<>();
        for (String part : weighted.split(" ")) {
            String[] codeAndWeight = part.split("\\*");
            for (int i = 0; i < Integer.parseInt(codeAndWeight[1]); i++) {
                pool.add(codeAndWeight[0]);
            }
        }
        return pool.get(random.nextInt(pool.size()));
    }
}
