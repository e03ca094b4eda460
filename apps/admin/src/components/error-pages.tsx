import { Button } from "@lumen/ui/components/button";
import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { type ErrorComponentProps, Link, useRouter } from "@tanstack/react-router";
import { AlertTriangleIcon, CompassIcon, LockIcon } from "lucide-react";
import type * as React from "react";
import { useEffect } from "react";
import { isApiError } from "../lib/api.ts";
import { useT } from "../lib/i18n.ts";

function Centered({
  icon,
  title,
  text,
  children,
}: {
  icon: React.ReactNode;
  title: string;
  text: string;
  children?: React.ReactNode;
}) {
  return (
    <div
      className="flex min-h-[60dvh] flex-col items-center justify-center gap-3 px-4 text-center"
      role="alert"
    >
      <div className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground">
        {icon}
      </div>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="max-w-md text-sm text-muted-foreground">{text}</p>
      {children ? <div className="flex gap-2 pt-2">{children}</div> : null}
    </div>
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <Centered
      icon={<CompassIcon className="size-6" />}
      title={t("errors.notFoundTitle")}
      text={t("errors.notFoundText")}
    >
      <Button asChild>
        <Link to="/">{t("nav.home")}</Link>
      </Button>
    </Centered>
  );
}

export function ForbiddenPage() {
  const t = useT();
  return (
    <Centered
      icon={<LockIcon className="size-6" />}
      title={t("errors.forbiddenTitle")}
      text={t("errors.forbiddenText")}
    >
      <Button asChild variant="outline">
        <Link to="/">{t("nav.home")}</Link>
      </Button>
    </Centered>
  );
}

/** A route's error: 403 gets its own page; anything else offers a retry that refetches the route's data. */
export function ErrorPage({ error }: ErrorComponentProps) {
  const t = useT();
  const router = useRouter();
  const { reset } = useQueryErrorResetBoundary();
  useEffect(() => reset(), [reset]);
  if (isApiError(error) && error.status === 403) return <ForbiddenPage />;
  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Centered
      icon={<AlertTriangleIcon className="size-6" />}
      title={t("errors.errorTitle")}
      text={(error instanceof Error && error.message) || t("errors.errorText")}
    >
      <Button onClick={() => void router.invalidate()}>{t("actions.retry")}</Button>
      <Button variant="outline" onClick={() => router.history.back()}>
        {t("actions.back")}
      </Button>
    </Centered>
  );
}
