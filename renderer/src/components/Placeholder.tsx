export function Placeholder({ title, arrives, meanwhile }: { title: string; arrives: string; meanwhile: string }) {
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">{title}</h1>
      <div className="empty-state">
        <p>
          <strong>Not built yet.</strong> {arrives}
        </p>
        <p>{meanwhile}</p>
      </div>
    </section>
  );
}
