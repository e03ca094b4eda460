import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@lumen/ui/components/select";
import type { Control, FieldValues, Path } from "react-hook-form";
import { Controller } from "react-hook-form";
import type { Role } from "../lib/auth.ts";
import { useT } from "../lib/i18n.ts";

/** The roles an owner hands out: the desk roles, then the ladder least to most. */
export const roles = [
  "reviewer",
  "assistant",
  "operator",
  "admin",
  "owner",
] as const satisfies readonly Role[];

/**
 * A form's role picker (operators, API keys): bound to the form field `name`, labelled by the
 * FormField around it (pass its props as `fieldProps`), role names from the shell's locale.
 */
export function RoleSelect<T extends FieldValues>({
  control,
  name,
  fieldProps,
}: {
  control: Control<T>;
  name: Path<T>;
  fieldProps: { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined };
}) {
  const common = useT();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Select value={field.value} onValueChange={field.onChange}>
          <SelectTrigger {...fieldProps} className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {roles.map((role) => (
              <SelectItem key={role} value={role}>
                {common(`roles.${role}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      )}
    />
  );
}
