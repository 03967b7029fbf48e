// Problems shown under a field (or a list item, or the node): errors and warnings, localized.
import type { FieldProblem } from './model/errors';
import styles from './properties.module.css';

export function ProblemList({ problems, id }: { problems: readonly FieldProblem[]; id?: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className={styles.problems} id={id}>
      {problems.map((problem, index) => (
        <li key={index} className={problem.severity === 'error' ? styles.problemError : styles.problemWarning} data-problem={problem.code}>
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
