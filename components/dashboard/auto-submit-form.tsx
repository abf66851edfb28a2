"use client";
import type { FormHTMLAttributes } from "react";

/**
 * A GET filter form that applies each choice as it is made (no separate Apply button). A new
 * team clears the service, whose list the page narrows to that team's services.
 */
export function AutoSubmitForm(props: FormHTMLAttributes<HTMLFormElement>) {
  return (
    <form
      {...props}
      onChange={(event) => {
        const form = event.currentTarget;
        const field: EventTarget = event.target;
        // A date being typed fires no change until it is a whole date; an emptied one waits.
        if (field instanceof HTMLInputElement && !field.value) return;
        if (field instanceof HTMLSelectElement && field.name === "team") {
          const service = form.elements.namedItem("service");
          if (service instanceof HTMLSelectElement) service.value = "";
        }
        form.requestSubmit();
      }}
    />
  );
}
