import { Button } from "@lumen/ui/components/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@lumen/ui/components/table";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { PlusIcon } from "lucide-react";
import { useState } from "react";
import { DateCell, StatusBadge } from "../../components/cells.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { can, useMe } from "../../lib/auth.ts";
import { courseListQueryOptions } from "./api/courses-api.ts";
import { CourseFormDialog } from "./components/course-form-dialog.tsx";
import { useCoursesT } from "./i18n.ts";

/** Every course with its status; admins create new ones. */
export function CoursesPage() {
  const t = useCoursesT();
  const canEdit = can(useMe(), "admin");
  const { data } = useSuspenseQuery(courseListQueryOptions());
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canEdit ? (
            <Button onClick={() => setCreating(true)}>
              <PlusIcon aria-hidden />
              {t("create")}
            </Button>
          ) : null
        }
      />
      <div className="rounded-md border">
        <Table aria-label={t("title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.title")}</TableHead>
              <TableHead className="hidden sm:table-cell">{t("columns.code")}</TableHead>
              <TableHead className="hidden sm:table-cell">{t("columns.language")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
              <TableHead className="hidden md:table-cell">{t("columns.created")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.items.length === 0 ? (
              <TableRow>
                <TableCell colSpan={5} className="h-20 text-center text-muted-foreground">
                  {t("empty")}
                </TableCell>
              </TableRow>
            ) : (
              data.items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <Link
                      to="/courses/$id"
                      params={{ id: c.id }}
                      className="font-medium underline-offset-4 hover:underline"
                    >
                      {c.title}
                    </Link>
                  </TableCell>
                  <TableCell className="hidden font-mono sm:table-cell">{c.code}</TableCell>
                  <TableCell className="hidden sm:table-cell">{t(`languages.${c.language}`)}</TableCell>
                  <TableCell>
                    <StatusBadge
                      label={t(`statuses.${c.status}`)}
                      tone={c.status === "published" ? "default" : "secondary"}
                    />
                  </TableCell>
                  <TableCell className="hidden md:table-cell">
                    <DateCell value={c.created_at} />
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <CourseFormDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}
